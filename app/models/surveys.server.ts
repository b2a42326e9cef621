import type { Kysely } from "kysely";
import type { Database, QuestionTypeColumn, Survey, SurveyStatus } from "#db/schema";
import { surveyTemplates } from "#db/seed/templates";
import { eraFiscalYear, tokyoDate } from "~/domain/dates";
import { defaultTarget, toThousandths } from "~/domain/survey/kpi";
import type { ReportingDimensions } from "~/domain/survey/reporting-groups";
import { RATING_SCALES, type ScaleOption, isRatingQuestionType } from "~/domain/survey/scales";
import { type Db, type ValueSlots, reusableQuery } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { notifySurveyOpened } from "./notifications.server";
import { fixReportingGroups } from "./reporting-groups.server";

export interface KpiDefinition {
  indicator_ja: string;
  indicator_en: string;
  outcomeCode: string;
  /** Thousandths (2.577 → 2577). */
  baselineMilli: number | null;
  baselineFiscalYear: number | null;
  targetMilli: number;
  targetOverridden: boolean;
}

export interface QuestionDefinition {
  id: number;
  code: string;
  type: QuestionTypeColumn;
  text_ja: string;
  text_en: string;
  required: boolean;
  maxChoices: number | null;
  eligibleEmploymentTypes: string[] | null;
  showIf: { questionId: number; values: number[] } | null;
  /** The scale of a rating question, or the options of a choice question; empty for free text. */
  options: ScaleOption[];
  kpi: KpiDefinition | null;
}

export interface SectionDefinition {
  id: number;
  position: number;
  title_ja: string;
  title_en: string;
  eligibleEmploymentTypes: string[] | null;
  questions: QuestionDefinition[];
}

export interface OutcomeDefinitionRow {
  code: string;
  level: "direct" | "intermediate";
  name_ja: string;
  name_en: string;
  feeds: string[];
}

export interface SurveyDefinition {
  survey: Survey;
  sections: SectionDefinition[];
  outcomes: OutcomeDefinitionRow[];
}

export class SurveyError extends Error {
  constructor(
    readonly reason:
      | "unknown_template"
      | "unknown_survey"
      | "code_taken"
      | "invalid_transition"
      | "not_draft",
    readonly detail = "",
  ) {
    super(`${reason}${detail ? `: ${detail}` : ""}`);
  }
}

const parseCodes = (json: string | null): string[] | null => (json === null ? null : (JSON.parse(json) as string[]));

const surveyByCode = reusableQuery((db, value: ValueSlots<{ code: string }>) => db.selectFrom("surveys").selectAll().where("code", "=", value("code")));

export async function findSurvey(db: Db, code: string): Promise<Survey | undefined> {
  const [survey] = await surveyByCode(db, { code });
  return survey;
}

export async function requireSurvey(db: Db, code: string): Promise<Survey> {
  const survey = await findSurvey(db, code);
  if (!survey) throw new SurveyError("unknown_survey", code);
  return survey;
}

export async function listSurveys(db: Db) {
  return db.selectFrom("surveys").selectAll().orderBy("fiscal_year", "desc").orderBy("code").execute();
}

type SurveyStructure = Omit<SurveyDefinition, "survey">;

/**
 * Structures already read, per connection, by survey id with the `structure_version` they were
 * read at: database triggers bump the version on every change to a survey's structure, so an
 * entry whose version still matches is exactly what the tables hold. A transaction is a
 * connection object of its own, so what it reads (and may yet roll back) never reaches the
 * shared entries. Frozen, because every request shares them.
 */
const structureCache = new WeakMap<Db, Map<number, { version: number; structure: SurveyStructure }>>();

/** The whole structure of a survey: sections, questions with their options and KPIs, outcomes. */
export async function loadSurveyDefinition(db: Db, code: string): Promise<SurveyDefinition | null> {
  const survey = await findSurvey(db, code);
  if (!survey) return null;
  let cached = structureCache.get(db);
  if (!cached) {
    cached = new Map();
    structureCache.set(db, cached);
  }
  const entry = cached.get(survey.id);
  if (entry?.version === survey.structure_version) return { survey, ...entry.structure };
  const structure = deepFreeze(await readSurveyStructure(db, survey.id));
  cached.set(survey.id, { version: survey.structure_version, structure });
  return { survey, ...structure };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

async function readSurveyStructure(db: Db, surveyId: number): Promise<SurveyStructure> {
  const [sections, questions, options, kpis, outcomes] = await Promise.all([
    db.selectFrom("survey_sections").selectAll().where("survey_id", "=", surveyId).orderBy("position").execute(),
    db.selectFrom("survey_questions").selectAll().where("survey_id", "=", surveyId).orderBy("position").execute(),
    db
      .selectFrom("question_options")
      .innerJoin("survey_questions", "survey_questions.id", "question_options.question_id")
      .select(["question_options.question_id", "question_options.value", "question_options.label_ja", "question_options.label_en"])
      .where("survey_questions.survey_id", "=", surveyId)
      .orderBy("question_options.value")
      .execute(),
    db
      .selectFrom("question_kpis")
      .innerJoin("survey_questions", "survey_questions.id", "question_kpis.question_id")
      .selectAll("question_kpis")
      .where("survey_questions.survey_id", "=", surveyId)
      .execute(),
    db.selectFrom("survey_outcomes").selectAll().where("survey_id", "=", surveyId).orderBy("code").execute(),
  ]);
  const kpiByQuestion = new Map(kpis.map((k) => [k.question_id, k]));
  const questionDefinition = (q: (typeof questions)[number]): QuestionDefinition => {
    const kpi = kpiByQuestion.get(q.id);
    return {
      id: q.id,
      code: q.code,
      type: q.type,
      text_ja: q.text_ja,
      text_en: q.text_en,
      required: q.required === 1,
      maxChoices: q.max_choices,
      eligibleEmploymentTypes: parseCodes(q.eligible_employment_types),
      showIf:
        q.show_if_question_id === null
          ? null
          : { questionId: q.show_if_question_id, values: JSON.parse(q.show_if_values ?? "[]") as number[] },
      options: isRatingQuestionType(q.type)
        ? [...RATING_SCALES[q.type].options]
        : options.filter((o) => o.question_id === q.id).map(({ value, label_ja, label_en }) => ({ value, label_ja, label_en })),
      kpi: kpi
        ? {
            indicator_ja: kpi.indicator_ja,
            indicator_en: kpi.indicator_en,
            outcomeCode: kpi.outcome_code,
            baselineMilli: kpi.baseline_milli,
            baselineFiscalYear: kpi.baseline_fiscal_year,
            targetMilli: kpi.target_milli,
            targetOverridden: kpi.target_overridden === 1,
          }
        : null,
    };
  };
  return {
    sections: sections.map((s) => ({
      id: s.id,
      position: s.position,
      title_ja: s.title_ja,
      title_en: s.title_en,
      eligibleEmploymentTypes: parseCodes(s.eligible_employment_types),
      questions: questions.filter((q) => q.section_id === s.id).map(questionDefinition),
    })),
    outcomes: outcomes.map((o) => ({
      code: o.code,
      level: o.level,
      name_ja: o.name_ja,
      name_en: o.name_en,
      feeds: JSON.parse(o.feeds) as string[],
    })),
  };
}

export interface NewSurveyInput {
  code: string;
  fiscalYear: number;
  opensOn?: string;
  closesOn?: string;
}

const DEFAULT_OPEN_DAYS = 14;

function defaultDates(input: NewSurveyInput, now: Date) {
  const opensOn = input.opensOn ?? tokyoDate(now);
  const closesOn = input.closesOn ?? tokyoDate(new Date(new Date(`${opensOn}T00:00:00Z`).getTime() + DEFAULT_OPEN_DAYS * 86_400_000));
  return { opensOn, closesOn };
}

async function assertCodeFree(db: Db, code: string) {
  if (await findSurvey(db, code)) throw new SurveyError("code_taken", code);
}

/** The survey of the same series one fiscal year earlier, if any: trends and carried-over KPIs follow it. */
async function previousInSeries(db: Db, templateCode: string, fiscalYear: number) {
  return db
    .selectFrom("surveys")
    .select("id")
    .where("template_code", "=", templateCode)
    .where("fiscal_year", "=", fiscalYear - 1)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/**
 * A question as it is written to the database, whether it comes from a template or an earlier
 * survey: options are numbered 1… in order, and showIf names an earlier question by code.
 */
interface PlannedQuestion {
  code: string;
  type: QuestionTypeColumn;
  text_ja: string;
  text_en: string;
  required: boolean;
  maxChoices: number | null;
  eligibleEmploymentTypes: readonly string[] | null;
  options: readonly { label_ja: string; label_en: string }[];
  showIf: { questionCode: string; values: readonly number[] } | null;
  kpi: KpiDefinition | null;
}

interface PlannedSection {
  title_ja: string;
  title_en: string;
  eligibleEmploymentTypes: readonly string[] | null;
  questions: PlannedQuestion[];
}

type PlannedOutcome = { code: string; level: "direct" | "intermediate"; name_ja: string; name_en: string; feeds: readonly string[] };

interface TemplatePlan {
  title_ja: string;
  title_en: string;
  intro_ja: string;
  intro_en: string;
  finalOutcome: { text_ja: string; text_en: string } | null;
  outcomes: PlannedOutcome[];
  sections: PlannedSection[];
}

/** Both kinds of shipped template as one list of sections and questions to write. */
function templatePlan(templateCode: string, fiscalYear: number): TemplatePlan {
  const registered = surveyTemplates[templateCode];
  if (!registered) throw new SurveyError("unknown_template", templateCode);
  const titles = {
    title_ja: `${eraFiscalYear(fiscalYear)} ${registered.titleStem_ja}`,
    title_en: `FY${fiscalYear} ${registered.titleStem_en}`,
    intro_ja: registered.intro_ja,
    intro_en: registered.intro_en,
  };
  if (registered.kind === "general") {
    return {
      ...titles,
      finalOutcome: null,
      outcomes: [],
      sections: registered.template.sections.map((section) => ({
        title_ja: section.title_ja,
        title_en: section.title_en,
        eligibleEmploymentTypes: section.eligibleEmploymentTypes,
        questions: section.questions.map((q) => ({
          code: q.code,
          type: q.type,
          text_ja: q.text_ja,
          text_en: q.text_en,
          required: q.required,
          maxChoices: q.maxChoices ?? null,
          eligibleEmploymentTypes: null,
          options: q.options ?? [],
          showIf: q.showIf ?? null,
          kpi: null,
        })),
      })),
    };
  }
  const { template } = registered;
  const questionsByCode = new Map(template.questions.map((q) => [q.code, q]));
  return {
    ...titles,
    finalOutcome: template.final_outcome,
    outcomes: [
      ...template.intermediate_outcomes.map((o) => ({ ...o, level: "intermediate" as const, feeds: [] as readonly string[] })),
      ...template.direct_outcomes.map((o) => ({ ...o, level: "direct" as const })),
    ],
    sections: registered.sections.map((section) => ({
      title_ja: section.title_ja,
      title_en: section.title_en,
      eligibleEmploymentTypes: null,
      questions: section.questionCodes.map((code) => {
        const question = questionsByCode.get(code);
        if (!question) throw new Error(`template ${templateCode} has no question ${code}`);
        return {
          code,
          type: question.type,
          text_ja: question.text_ja,
          text_en: question.text_en,
          required: true,
          maxChoices: null,
          eligibleEmploymentTypes: null,
          options: [],
          showIf: null,
          kpi: {
            indicator_ja: question.indicator_ja,
            indicator_en: question.indicator_en,
            outcomeCode: question.outcome,
            baselineMilli: toThousandths(question.baseline.value),
            baselineFiscalYear: question.baseline.fiscal_year,
            targetMilli: toThousandths(question.target),
            targetOverridden: false,
          },
        };
      }),
    })),
  };
}

/** An existing survey's structure as sections to write again (copying a survey into a new draft). */
function plannedSections(source: SurveyDefinition): PlannedSection[] {
  const codeOf = new Map(source.sections.flatMap((s) => s.questions).map((q) => [q.id, q.code]));
  return source.sections.map((section) => ({
    title_ja: section.title_ja,
    title_en: section.title_en,
    eligibleEmploymentTypes: section.eligibleEmploymentTypes,
    questions: section.questions.map((q) => ({
      code: q.code,
      type: q.type,
      text_ja: q.text_ja,
      text_en: q.text_en,
      required: q.required,
      maxChoices: q.maxChoices,
      eligibleEmploymentTypes: q.eligibleEmploymentTypes,
      // A rating question's options are its scale, which is not stored per question.
      options: isRatingQuestionType(q.type) ? [] : q.options,
      showIf: q.showIf ? { questionCode: codeOf.get(q.showIf.questionId) ?? "", values: q.showIf.values } : null,
      kpi: q.kpi,
    })),
  }));
}

const jsonOrNull = (codes: readonly string[] | null) => (codes ? JSON.stringify(codes) : null);

/** Writes a new survey's outcomes, sections, questions, options and KPIs, in the order given. */
async function insertStructure(trx: Db, surveyId: number, outcomes: readonly PlannedOutcome[], sections: readonly PlannedSection[]) {
  if (outcomes.length > 0) {
    await trx
      .insertInto("survey_outcomes")
      .values(outcomes.map((o) => ({ survey_id: surveyId, code: o.code, level: o.level, name_ja: o.name_ja, name_en: o.name_en, feeds: JSON.stringify(o.feeds) })))
      .execute();
  }
  const questionIds = new Map<string, number>();
  let position = 0;
  for (const [sectionIndex, section] of sections.entries()) {
    const { id: sectionId } = await trx
      .insertInto("survey_sections")
      .values({
        survey_id: surveyId,
        position: sectionIndex + 1,
        title_ja: section.title_ja,
        title_en: section.title_en,
        eligible_employment_types: jsonOrNull(section.eligibleEmploymentTypes),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const question of section.questions) {
      // Follow-ups point at questions that come earlier, so their ids already exist.
      const showIfQuestionId = question.showIf ? questionIds.get(question.showIf.questionCode) : null;
      if (showIfQuestionId === undefined) {
        throw new Error(`${question.code} follows ${question.showIf?.questionCode}, which does not come before it`);
      }
      const { id: questionId } = await trx
        .insertInto("survey_questions")
        .values({
          survey_id: surveyId,
          section_id: sectionId,
          position: ++position,
          code: question.code,
          type: question.type,
          text_ja: question.text_ja,
          text_en: question.text_en,
          required: question.required ? 1 : 0,
          max_choices: question.maxChoices,
          eligible_employment_types: jsonOrNull(question.eligibleEmploymentTypes),
          show_if_question_id: showIfQuestionId,
          show_if_values: question.showIf ? JSON.stringify(question.showIf.values) : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      questionIds.set(question.code, questionId);
      if (question.options.length > 0) {
        await trx
          .insertInto("question_options")
          .values(question.options.map((o, index) => ({ question_id: questionId, value: index + 1, label_ja: o.label_ja, label_en: o.label_en })))
          .execute();
      }
      if (question.kpi) {
        await trx
          .insertInto("question_kpis")
          .values({
            question_id: questionId,
            indicator_ja: question.kpi.indicator_ja,
            indicator_en: question.kpi.indicator_en,
            outcome_code: question.kpi.outcomeCode,
            baseline_milli: question.kpi.baselineMilli,
            baseline_fiscal_year: question.kpi.baselineFiscalYear,
            target_milli: question.kpi.targetMilli,
            target_overridden: question.kpi.targetOverridden ? 1 : 0,
          })
          .execute();
      }
    }
  }
}

/**
 * A new draft survey from a shipped template: its sections (with who answers them), questions of
 * every type with their options and follow-up conditions, and outcomes and KPIs where the
 * template has them.
 */
export async function createSurveyFromTemplate(
  db: Kysely<Database>,
  templateCode: string,
  input: NewSurveyInput,
  actor: Actor,
  now = new Date(),
): Promise<Survey> {
  const plan = templatePlan(templateCode, input.fiscalYear);
  const { opensOn, closesOn } = defaultDates(input, now);
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, input.code);
    const previous = await previousInSeries(trx, templateCode, input.fiscalYear);
    const survey = await trx
      .insertInto("surveys")
      .values({
        code: input.code,
        title_ja: plan.title_ja,
        title_en: plan.title_en,
        fiscal_year: input.fiscalYear,
        opens_on: opensOn,
        closes_on: closesOn,
        intro_ja: plan.intro_ja,
        intro_en: plan.intro_en,
        template_code: templateCode,
        previous_survey_id: previous?.id ?? null,
        ...(plan.finalOutcome ? { final_outcome_ja: plan.finalOutcome.text_ja, final_outcome_en: plan.finalOutcome.text_en } : {}),
        created_at: stamp,
        updated_at: stamp,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    await insertStructure(trx, survey.id, plan.outcomes, plan.sections);
    await recordAudit(trx, actor, "survey.create", { code: input.code, template: templateCode, fiscalYear: input.fiscalYear }, null, now);
    return survey;
  });
}

/** A new draft that copies an earlier survey's structure and KPIs (e.g. last year's) and follows it in the series. */
export async function createSurveyFromPrevious(
  db: Kysely<Database>,
  sourceCode: string,
  input: NewSurveyInput,
  actor: Actor,
  now = new Date(),
): Promise<Survey> {
  const source = await loadSurveyDefinition(db, sourceCode);
  if (!source) throw new SurveyError("unknown_survey", sourceCode);
  const { opensOn, closesOn } = defaultDates(input, now);
  const stamp = now.toISOString();
  const retitle = (title: string, replacement: string) => title.replace(/^(令和|平成)\S*年度\s*|^FY\d{4}\s*/, replacement);
  return db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, input.code);
    const { id: _id, created_at: _c, updated_at: _u, status: _s, opened_at: _o, ...copied } = source.survey;
    const survey = await trx
      .insertInto("surveys")
      .values({
        ...copied,
        code: input.code,
        title_ja: retitle(copied.title_ja, `${eraFiscalYear(input.fiscalYear)} `),
        title_en: retitle(copied.title_en, `FY${input.fiscalYear} `),
        fiscal_year: input.fiscalYear,
        opens_on: opensOn,
        closes_on: closesOn,
        previous_survey_id: source.survey.id,
        created_at: stamp,
        updated_at: stamp,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertStructure(trx, survey.id, source.outcomes, plannedSections(source));
    await recordAudit(trx, actor, "survey.create", { code: input.code, copiedFrom: sourceCode, fiscalYear: input.fiscalYear }, null, now);
    return survey;
  });
}

/** A draft may be closed directly: a survey that only holds imported past answers is never opened. */
const TRANSITIONS: Record<SurveyStatus, SurveyStatus[]> = { draft: ["open", "closed"], open: ["closed"], closed: [] };

export function allowedTransitions(status: SurveyStatus): SurveyStatus[] {
  return TRANSITIONS[status];
}

/**
 * Moves a survey along draft → open → closed. Opening fixes the groups responses will store
 * (k-anonymous against the roster of the day) and how many staff each department has then, the
 * denominators of the response rates.
 */
export async function setSurveyStatus(db: Kysely<Database>, code: string, status: SurveyStatus, actor: Actor, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const survey = await requireSurvey(trx, code);
    if (!TRANSITIONS[survey.status].includes(status)) {
      throw new SurveyError("invalid_transition", `${survey.status} → ${status}`);
    }
    if (status === "open") {
      const eligibleByDepartment = await fixReportingGroups(trx, survey);
      await trx.deleteFrom("survey_eligible_counts").where("survey_id", "=", survey.id).execute();
      if (eligibleByDepartment.size > 0) {
        await trx
          .insertInto("survey_eligible_counts")
          .values([...eligibleByDepartment].map(([department, eligible]) => ({ survey_id: survey.id, department, eligible })))
          .execute();
      }
    }
    await trx
      .updateTable("surveys")
      .set({ status, updated_at: now.toISOString(), ...(status === "open" ? { opened_at: now.toISOString() } : {}) })
      .where("id", "=", survey.id)
      .execute();
    await recordAudit(trx, actor, "survey.status", { code, from: survey.status, to: status }, null, now);
    if (status === "open") await notifySurveyOpened(trx, survey, now);
  });
}

/** The dimensions responses will be reported by and how far each is generalised, chosen before opening. */
export async function setReportingDimensions(db: Kysely<Database>, code: string, dimensions: ReportingDimensions, actor: Actor, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const survey = await requireSurvey(trx, code);
    if (survey.status !== "draft") throw new SurveyError("not_draft", code);
    await trx
      .updateTable("surveys")
      .set({ report_dimensions: JSON.stringify(dimensions), updated_at: now.toISOString() })
      .where("id", "=", survey.id)
      .execute();
    await recordAudit(trx, actor, "survey.reporting_dimensions", { code, ...dimensions }, null, now);
  });
}

export interface SurveySettings {
  opensOn: string;
  closesOn: string;
  minGroupSize: number;
}

/** Dates and the reporting threshold are settled before a survey opens: lowering the threshold later would expose groups already seen. */
export async function updateSurveySettings(db: Kysely<Database>, code: string, settings: SurveySettings, actor: Actor, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const survey = await requireSurvey(trx, code);
    if (survey.status !== "draft") throw new SurveyError("not_draft", code);
    await trx
      .updateTable("surveys")
      .set({
        opens_on: settings.opensOn,
        closes_on: settings.closesOn,
        min_group_size: settings.minGroupSize,
        updated_at: now.toISOString(),
      })
      .where("id", "=", survey.id)
      .execute();
    await recordAudit(trx, actor, "survey.settings", { code, ...settings }, null, now);
  });
}

/**
 * HR's own KPI targets, by question code, in thousandths; null returns a KPI to the city's rule
 * (3.000, or 2.500 below a 2.500 baseline).
 */
export async function setKpiTargets(
  db: Kysely<Database>,
  code: string,
  targets: Readonly<Record<string, number | null>>,
  actor: Actor,
  now = new Date(),
) {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) throw new SurveyError("unknown_survey", code);
  const questions = definition.sections.flatMap((s) => s.questions).filter((q) => q.kpi !== null);
  await db.transaction().execute(async (trx) => {
    for (const question of questions) {
      if (!(question.code in targets)) continue;
      const override = targets[question.code] ?? null;
      const ruleTarget = toThousandths(defaultTarget(question.kpi!.baselineMilli === null ? null : question.kpi!.baselineMilli / 1000));
      await trx
        .updateTable("question_kpis")
        .set({ target_milli: override ?? ruleTarget, target_overridden: override === null ? 0 : 1 })
        .where("question_id", "=", question.id)
        .execute();
    }
    await recordAudit(trx, actor, "survey.kpi_targets", { code, targets }, null, now);
  });
}

/** The shipped templates, for HR's "create from" choice. */
export function listTemplates() {
  return Object.entries(surveyTemplates).map(([code, registered]) => ({
    code,
    title_ja: registered.template.title_ja,
    title_en: registered.template.title_en,
  }));
}

/** Every survey with its respondent count (from the tallies), newest fiscal year first. */
export async function listSurveysWithRespondents(db: Db) {
  return db
    .selectFrom("surveys")
    .leftJoin("respondent_tallies", (join) =>
      join.onRef("respondent_tallies.survey_id", "=", "surveys.id").on("respondent_tallies.dimension", "=", "all"),
    )
    .selectAll("surveys")
    .select((eb) => eb.fn.coalesce("respondent_tallies.count", eb.val(0)).as("respondents"))
    .orderBy("surveys.fiscal_year", "desc")
    .orderBy("surveys.code")
    .execute();
}
