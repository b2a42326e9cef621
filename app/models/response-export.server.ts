import type { ExportCell } from "~/domain/export/formula-safety";
import { isRatingQuestionType } from "~/domain/survey/scales";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension, suppressSmallGroups } from "~/domain/survey/suppression";
import type { Locale } from "~/i18n/dictionary";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { isPublishedResponse } from "./responses.server";
import type { QuestionDefinition, SurveyDefinition } from "./surveys.server";

/** Responses read per query: bounded memory whatever the survey's size. */
export const RESPONSE_CHUNK_SIZE = 1000;
const MULTIPLE_SEPARATOR = ";";

/**
 * The groups of each dimension that may be named in the response data: those the results pages
 * show (at least the minimum, after complementary suppression). Any other group is blanked.
 */
export async function namedGroups(db: Db, surveyId: number, minimumSize: number): Promise<Record<BreakdownDimension, Set<string>>> {
  const rows = await db
    .selectFrom("respondent_tallies")
    .select(["dimension", "group_name", "count"])
    .where("survey_id", "=", surveyId)
    .where("dimension", "in", [...BREAKDOWN_DIMENSIONS])
    .execute();
  const named = {} as Record<BreakdownDimension, Set<string>>;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const groups = rows.filter((row) => row.dimension === dimension).map((row) => ({ name: row.group_name, respondents: row.count }));
    named[dimension] = new Set(
      suppressSmallGroups(groups, minimumSize).flatMap((entry) => (entry.suppressed ? [] : [entry.group.name])),
    );
  }
  return named;
}

export interface ResponseExportHeader {
  dimensions: Record<BreakdownDimension, string>;
}

function answerCell(question: QuestionDefinition, answers: { value: number; text_value: string | null }[], locale: Locale): ExportCell {
  if (answers.length === 0) return null;
  if (question.type === "free_text") return answers[0]?.text_value ?? null;
  if (isRatingQuestionType(question.type)) return answers[0]!.value;
  const label = (value: number) => {
    const option = question.options.find((o) => o.value === value);
    return option ? (locale === "ja" ? option.label_ja : option.label_en) : String(value);
  };
  return [...answers]
    .sort((a, b) => a.value - b.value)
    .map((a) => label(a.value))
    .join(MULTIPLE_SEPARATOR);
}

/**
 * The anonymised response data: a header, then one row per response in the order of its random
 * id (never the order of answering), yielded a chunk at a time. Segment columns come first and
 * are blank for groups the results would suppress; then one column per question code, choice
 * answers by label (several joined with ";"), ratings as numbers, free text as written.
 */
export async function* responseExportRows(
  db: Db,
  definition: SurveyDefinition,
  header: ResponseExportHeader,
  locale: Locale,
  chunkSize = RESPONSE_CHUNK_SIZE,
): AsyncGenerator<ExportCell[][]> {
  const { survey } = definition;
  const questions = definition.sections.flatMap((section) => section.questions);
  const columnOf = new Map(questions.map((question, index) => [question.id, index]));
  const named = await namedGroups(db, survey.id, survey.min_group_size);
  yield [[...BREAKDOWN_DIMENSIONS.map((dimension) => header.dimensions[dimension]), ...questions.map((q) => q.code)]];

  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom("survey_responses")
      .select(["id", "department", "job_level", "age_band", "employment_type"])
      .where("survey_id", "=", survey.id)
      .where(isPublishedResponse)
      .orderBy("id")
      .limit(chunkSize);
    if (after !== null) query = query.where("id", ">", after);
    const responses = await query.execute();
    if (responses.length === 0) return;
    after = responses[responses.length - 1]!.id;

    const answers = await db
      .selectFrom("response_answers")
      .select(["response_id", "question_id", "value", "text_value"])
      .where(
        "response_id",
        "in",
        responses.map((r) => r.id),
      )
      .execute();
    const byResponse = new Map<string, { question_id: number; value: number; text_value: string | null }[]>();
    for (const answer of answers) {
      const list = byResponse.get(answer.response_id);
      if (list) list.push(answer);
      else byResponse.set(answer.response_id, [answer]);
    }

    yield responses.map((response) => {
      const perQuestion: { value: number; text_value: string | null }[][] = questions.map(() => []);
      for (const answer of byResponse.get(response.id) ?? []) {
        const column = columnOf.get(answer.question_id);
        if (column !== undefined) perQuestion[column]!.push(answer);
      }
      const segments = BREAKDOWN_DIMENSIONS.map((dimension): ExportCell => {
        const group = response[dimension];
        return group !== null && named[dimension].has(group) ? group : null;
      });
      return [...segments, ...questions.map((question, index) => answerCell(question, perQuestion[index]!, locale))];
    });
    if (responses.length < chunkSize) return;
  }
}

export async function recordResponseExport(db: Db, actor: Actor, code: string, format: "csv" | "xlsx", rows: number) {
  await recordAudit(db, actor, "results.export", { survey: code, table: "responses", format }, rows);
}
