import type { WithheldReason } from "~/domain/survey/disclosure";
import { type Distribution, type KpiResult, kpiResult } from "~/domain/survey/kpi";
import type { KpiReportInput } from "~/domain/survey/kpi-report";
import { type LogicModelView, buildLogicModelView } from "~/domain/survey/logic-model";
import { isRatingQuestionType } from "~/domain/survey/scales";
import type { BreakdownDimension } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";
import { type QuestionCounts, departmentParticipation, disclosedTallies } from "./disclosure.server";
import { type QuestionDefinition, type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";

export interface QuestionResult extends KpiResult {
  code: string;
  text_ja: string;
  text_en: string;
  indicator_ja: string | null;
  indicator_en: string | null;
  outcomeCode: string | null;
  isKpi: boolean;
  /** Too few respondents to this question (overall or in this group): no figure is given. */
  withheld: boolean;
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

/** Answer figures: only ever built from what the disclosure gate gives. */
export interface ResultFigures {
  questions: QuestionResult[];
  logicModel: LogicModelView<KpiQuestionResult> | null;
  breakdown: { dimension: BreakdownDimension; groups: GroupResult[] } | null;
}

export interface SurveyResults {
  definition: SurveyDefinition;
  respondents: number;
  eligible: number;
  responseRate: number | null;
  departmentRates: DepartmentRate[];
  /** Null while the survey is open or under its minimum (see `withheld`). */
  figures: ResultFigures | null;
  withheld: WithheldReason | null;
}

const EMPTY: Distribution = { 1: 0, 2: 0, 3: 0, 4: 0 };

/** Shares as fractions rounded half-up to 0.001 (54.6 %), from integers. */
function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 2000 + whole) / (2 * whole)) / 1000;
}

/** A question's result from its disclosed counts; null counts (withheld) give no figure at all. */
function questionResult(question: QuestionDefinition, counts: QuestionCounts | null | undefined): QuestionResult {
  const kpi = question.kpi;
  const distribution: Distribution = counts
    ? { 1: counts.counts[1] ?? 0, 2: counts.counts[2] ?? 0, 3: counts.counts[3] ?? 0, 4: counts.counts[4] ?? 0 }
    : EMPTY;
  const result = kpiResult({
    distribution,
    baseline:
      kpi?.baselineMilli != null && kpi.baselineFiscalYear != null
        ? { value: kpi.baselineMilli / 1000, fiscalYear: kpi.baselineFiscalYear }
        : null,
    targetOverride: kpi?.targetOverridden ? kpi.targetMilli / 1000 : null,
    isKpi: kpi !== null,
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
    withheld: !counts,
  };
}

function ratingQuestionsOf(definition: SurveyDefinition): QuestionDefinition[] {
  return definition.sections.flatMap((s) => s.questions).filter((q) => isRatingQuestionType(q.type));
}

/** The survey's rating questions with their KPI settings and no figures, for tables that list questions whatever is shown. */
export function describeRatingQuestions(definition: SurveyDefinition): QuestionResult[] {
  return ratingQuestionsOf(definition).map((question) => questionResult(question, null));
}

/**
 * The survey's results from the running tallies through the disclosure gate: a few hundred rows
 * whatever the number of responses. Respondent counts and response rates always; answer figures
 * only as far as the gate allows (none while open or under the minimum, none for a question with
 * too few respondents of its own, names only for suppressed groups).
 */
export async function getSurveyResults(db: Db, code: string, by: BreakdownDimension | null = null): Promise<SurveyResults | null> {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) return null;
  const { survey } = definition;
  const ratingQuestions = ratingQuestionsOf(definition);

  const [tallies, departments] = await Promise.all([
    disclosedTallies(
      db,
      survey,
      ratingQuestions.map((q) => q.id),
      by,
    ),
    departmentParticipation(db, survey),
  ]);

  const eligible = departments.reduce((total, row) => total + row.eligible, 0);
  const departmentRates = departments.map((row) => ({ department: row.name, eligible: row.eligible, respondents: row.respondents, rate: share(row.respondents, row.eligible) }));
  const participation = {
    definition,
    respondents: tallies.respondents,
    eligible,
    responseRate: share(tallies.respondents, eligible),
    departmentRates,
  };
  if (!tallies.figures.shown) return { ...participation, figures: null, withheld: tallies.figures.reason };

  const questions = ratingQuestions.map((question) => questionResult(question, tallies.questions.get(question.id)));
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
  const breakdown = tallies.breakdown && {
    dimension: tallies.breakdown.dimension,
    groups: tallies.breakdown.groups.map(
      (group): GroupResult =>
        group.suppressed
          ? { group: group.name, suppressed: true }
          : {
              group: group.name,
              suppressed: false,
              respondents: group.respondents,
              questions: ratingQuestions.map((question) => questionResult(question, group.questions.get(question.id))),
            },
    ),
  };
  return { ...participation, figures: { questions, logicModel, breakdown }, withheld: null };
}

export type KpiReportOutcome =
  | { ok: true; report: KpiReportInput }
  | { ok: false; reason: "unknown_survey" }
  | { ok: false; reason: WithheldReason; respondents: number; minimumSize: number };

/** The KPI report (overall, or by one dimension) in the shape the exports and the CLI use, if the gate gives figures. */
export async function kpiReportFor(db: Db, code: string, by: BreakdownDimension | null): Promise<KpiReportOutcome> {
  const results = await getSurveyResults(db, code, by);
  if (!results) return { ok: false, reason: "unknown_survey" };
  if (!results.figures) {
    return { ok: false, reason: results.withheld!, respondents: results.respondents, minimumSize: results.definition.survey.min_group_size };
  }
  return {
    ok: true,
    report: {
      surveyCode: results.definition.survey.code,
      fiscalYear: results.definition.survey.fiscal_year,
      respondents: results.respondents,
      questions: results.figures.questions,
      groups: results.figures.breakdown?.groups ?? null,
    },
  };
}
