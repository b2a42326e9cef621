import { type Distribution, type KpiResult, kpiResult } from "~/domain/survey/kpi";
import { type LogicModelView, buildLogicModelView } from "~/domain/survey/logic-model";
import { isRatingQuestionType } from "~/domain/survey/scales";
import { type BreakdownDimension, suppressSmallGroups } from "~/domain/survey/suppression";
import type { KpiReportInput } from "~/domain/survey/kpi-report";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { type QuestionDefinition, type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";

export interface QuestionResult extends KpiResult {
  code: string;
  text_ja: string;
  text_en: string;
  indicator_ja: string | null;
  indicator_en: string | null;
  outcomeCode: string | null;
  isKpi: boolean;
}

export type KpiQuestionResult = QuestionResult & { outcomeCode: string };

export type GroupResult =
  | { group: string; suppressed: false; respondents: number; questions: QuestionResult[] }
  | { group: string; suppressed: true };

export interface DepartmentRate {
  department: string;
  eligible: number;
  respondents: number;
  rate: number | null;
}

export interface SurveyResults {
  definition: SurveyDefinition;
  respondents: number;
  eligible: number;
  responseRate: number | null;
  departmentRates: DepartmentRate[];
  questions: QuestionResult[];
  logicModel: LogicModelView<KpiQuestionResult> | null;
  breakdown: { dimension: BreakdownDimension; groups: GroupResult[] } | null;
}

const EMPTY: Distribution = { 1: 0, 2: 0, 3: 0, 4: 0 };

/** Shares as fractions rounded half-up to 0.001 (54.6 %), from integers. */
function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 2000 + whole) / (2 * whole)) / 1000;
}

function questionResult(question: QuestionDefinition, distribution: Distribution): QuestionResult {
  const kpi = question.kpi;
  const result = kpiResult({
    distribution,
    baseline:
      kpi?.baselineMilli != null && kpi.baselineFiscalYear != null
        ? { value: kpi.baselineMilli / 1000, fiscalYear: kpi.baselineFiscalYear }
        : null,
    targetOverride: kpi?.targetOverridden ? kpi.targetMilli / 1000 : null,
  });
  return {
    ...result,
    code: question.code,
    text_ja: question.text_ja,
    text_en: question.text_en,
    indicator_ja: kpi?.indicator_ja ?? null,
    indicator_en: kpi?.indicator_en ?? null,
    outcomeCode: kpi?.outcomeCode ?? null,
    isKpi: kpi !== null,
  };
}

/**
 * The survey's results from the running tallies: a few hundred rows whatever the number of
 * responses. Breakdown groups under the survey's minimum size (and their complements) are
 * reduced to their names before anything else sees them.
 */
export async function getSurveyResults(db: Db, code: string, by: BreakdownDimension | null = null): Promise<SurveyResults | null> {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) return null;
  const { survey } = definition;
  const ratingQuestions = definition.sections.flatMap((s) => s.questions).filter((q) => isRatingQuestionType(q.type));
  const dimensions = by ? ["all", by] : ["all"];

  const [respondentRows, answerRows, eligibleRows] = await Promise.all([
    db
      .selectFrom("respondent_tallies")
      .select(["dimension", "group_name", "count"])
      .where("survey_id", "=", survey.id)
      .where("dimension", "in", ["all", "department", ...(by ? [by] : [])])
      .execute(),
    ratingQuestions.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("answer_tallies")
          .select(["question_id", "dimension", "group_name", "value", "count"])
          .where("question_id", "in", ratingQuestions.map((q) => q.id))
          .where("dimension", "in", dimensions)
          .execute(),
    db.selectFrom("survey_eligible_counts").select(["department", "eligible"]).where("survey_id", "=", survey.id).orderBy("department").execute(),
  ]);

  const distributions = new Map<string, Record<number, number>>();
  for (const row of answerRows) {
    const key = `${row.question_id}\u0000${row.dimension}\u0000${row.group_name}`;
    const distribution = distributions.get(key) ?? { ...EMPTY };
    distribution[row.value] = row.count;
    distributions.set(key, distribution);
  }
  const resultsFor = (dimension: string, group: string) =>
    ratingQuestions.map((question) =>
      questionResult(question, (distributions.get(`${question.id}\u0000${dimension}\u0000${group}`) as Distribution | undefined) ?? EMPTY),
    );

  const respondents = respondentRows.find((r) => r.dimension === "all")?.count ?? 0;
  const eligible = eligibleRows.reduce((total, row) => total + row.eligible, 0);
  const respondentsByDepartment = new Map(respondentRows.filter((r) => r.dimension === "department").map((r) => [r.group_name, r.count]));
  const departmentRates = eligibleRows.map((row) => {
    const count = respondentsByDepartment.get(row.department) ?? 0;
    return { department: row.department, eligible: row.eligible, respondents: count, rate: share(count, row.eligible) };
  });

  const questions = resultsFor("all", "");
  const outcomes = definition.outcomes;
  const logicModel =
    outcomes.length === 0
      ? null
      : buildLogicModelView(
          {
            finalOutcome: { name_ja: survey.final_outcome_ja, name_en: survey.final_outcome_en },
            intermediateOutcomes: outcomes.filter((o) => o.level === "intermediate"),
            directOutcomes: outcomes.filter((o) => o.level === "direct"),
          },
          questions.filter((q): q is KpiQuestionResult => q.outcomeCode !== null),
        );

  let breakdown: SurveyResults["breakdown"] = null;
  if (by) {
    const groups = respondentRows
      .filter((r) => r.dimension === by)
      .map((r) => ({ name: r.group_name, respondents: r.count }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    breakdown = {
      dimension: by,
      groups: suppressSmallGroups(groups, survey.min_group_size).map((entry) =>
        entry.suppressed
          ? { group: entry.name, suppressed: true as const }
          : { group: entry.group.name, suppressed: false as const, respondents: entry.group.respondents, questions: resultsFor(by, entry.group.name) },
      ),
    };
  }

  return {
    definition,
    respondents,
    eligible,
    responseRate: share(respondents, eligible),
    departmentRates,
    questions,
    logicModel,
    breakdown,
  };
}

/** The KPI report (overall, or by one dimension) in the shape the exports and the CLI use. */
export async function kpiReportFor(db: Db, code: string, by: BreakdownDimension | null): Promise<KpiReportInput | null> {
  const results = await getSurveyResults(db, code, by);
  if (!results) return null;
  return {
    surveyCode: results.definition.survey.code,
    fiscalYear: results.definition.survey.fiscal_year,
    respondents: results.respondents,
    questions: results.questions,
    groups: results.breakdown?.groups ?? null,
  };
}

/** Every export of results is logged: who, which table, when, how many rows. */
export async function recordKpiExport(
  db: Db,
  actor: Actor,
  code: string,
  by: BreakdownDimension | null,
  format: "csv" | "xlsx",
  rows: number,
) {
  await recordAudit(db, actor, "results.export", { survey: code, table: "kpi", by, format }, rows);
}
