import { type Crosstab, buildCrosstab } from "~/domain/survey/crosstab";
import { AGE_BAND_LABELS, AGE_BANDS } from "~/domain/survey/age-band";
import type { BreakdownDimension } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { type QuestionDefinition, type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";

export const CROSSTAB_QUESTION_TYPES = ["single_choice", "multiple_choice"] as const;

export function isCrosstabQuestion(question: Pick<QuestionDefinition, "type">): boolean {
  return (CROSSTAB_QUESTION_TYPES as readonly string[]).includes(question.type);
}

export type CrosstabOutcome =
  | { ok: true; definition: SurveyDefinition; question: QuestionDefinition; respondents: number; crosstab: Crosstab | null }
  | { ok: false; reason: "unknown_survey" | "unknown_question" };

/** Group names as the city lists them: age bands and the roster's job levels and employment types in their order, the rest by name. */
async function groupOrder(db: Db, by: BreakdownDimension): Promise<string[]> {
  if (by === "age_band") return AGE_BANDS.map((band) => AGE_BAND_LABELS[band].label_ja);
  if (by === "job_level") return (await db.selectFrom("job_levels").select("name_ja").orderBy("sort_order").execute()).map((r) => r.name_ja);
  if (by === "employment_type") {
    return (await db.selectFrom("employment_types").select("name_ja").orderBy("sort_order").execute()).map((r) => r.name_ja);
  }
  return [];
}

function sortGroups<G extends { name: string }>(groups: G[], order: readonly string[]): G[] {
  const rank = (name: string) => {
    const index = order.indexOf(name);
    return index === -1 ? order.length : index;
  };
  return groups.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * One choice question of a survey by one respondent attribute, from the running tallies.
 * crosstab is null when the whole survey has fewer respondents than its minimum group size: then
 * no figure leaves the server.
 */
export async function crosstabFor(db: Db, code: string, questionCode: string, by: BreakdownDimension): Promise<CrosstabOutcome> {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) return { ok: false, reason: "unknown_survey" };
  const question = definition.sections
    .flatMap((s) => s.questions)
    .find((q) => q.code.toUpperCase() === questionCode.toUpperCase() && isCrosstabQuestion(q));
  if (!question) return { ok: false, reason: "unknown_question" };
  const { survey } = definition;

  const [surveyRespondents, questionRespondents, answers, order] = await Promise.all([
    db
      .selectFrom("respondent_tallies")
      .select("count")
      .where("survey_id", "=", survey.id)
      .where("dimension", "=", "all")
      .executeTakeFirst(),
    db
      .selectFrom("question_respondent_tallies")
      .select(["dimension", "group_name", "count"])
      .where("question_id", "=", question.id)
      .where("dimension", "in", ["all", by])
      .execute(),
    db
      .selectFrom("answer_tallies")
      .select(["dimension", "group_name", "value", "count"])
      .where("question_id", "=", question.id)
      .where("dimension", "in", ["all", by])
      .execute(),
    groupOrder(db, by),
  ]);
  const respondents = surveyRespondents?.count ?? 0;
  if (respondents < survey.min_group_size) return { ok: true, definition, question, respondents, crosstab: null };

  const populations = new Map<string, { name: string; respondents: number; counts: Record<number, number> }>();
  const population = (dimension: string, name: string) => {
    const key = `${dimension}\u0000${name}`;
    let entry = populations.get(key);
    if (!entry) {
      entry = { name, respondents: 0, counts: {} };
      populations.set(key, entry);
    }
    return entry;
  };
  for (const row of questionRespondents) population(row.dimension, row.group_name).respondents = row.count;
  for (const row of answers) population(row.dimension, row.group_name).counts[row.value] = row.count;
  const overall = population("all", "");
  const groups = sortGroups(
    [...populations.entries()].filter(([key]) => key.startsWith(`${by}\u0000`)).map(([, entry]) => entry),
    order,
  );

  return {
    ok: true,
    definition,
    question,
    respondents,
    crosstab: buildCrosstab({ options: question.options, overall, groups, minGroupSize: survey.min_group_size }),
  };
}

/** Every export of a cross-tab is logged: who, which question and breakdown, when, how many rows. */
export async function recordCrosstabExport(
  db: Db,
  actor: Actor,
  code: string,
  questionCode: string,
  by: BreakdownDimension,
  format: "csv" | "xlsx",
  rows: number,
) {
  await recordAudit(db, actor, "results.export", { survey: code, table: "crosstab", question: questionCode, by, format }, rows);
}
