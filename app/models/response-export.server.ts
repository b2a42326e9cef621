import type { ExportCell } from "~/domain/export/formula-safety";
import { isRatingQuestionType } from "~/domain/survey/scales";
import { type Kysely, sql } from "kysely";
import type { Database } from "#db/schema";
import type { ExportRefusal, StreamedTableFile } from "~/domain/export/table-file";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";
import type { Locale } from "~/i18n/dictionary";
import type { Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { type RowRelease, rowRelease } from "./disclosure.server";
import type { ExportRequest } from "./results-tables.server";
import { type QuestionDefinition, type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";
import { isPublishedResponse } from "./responses.server";

/** Responses read per query: bounded memory whatever the survey's size. */
export const RESPONSE_CHUNK_SIZE = 1000;
const MULTIPLE_SEPARATOR = ";";

export interface ResponseExportHeader {
  dimensions: Record<BreakdownDimension, string>;
}

/** How one question's answers become its cell: a rating as a number, free text as written, choices by label. */
function cellWriter(question: QuestionDefinition, locale: Locale): (values: number[], text: string | null) => ExportCell {
  if (question.type === "free_text") return (_values, text) => text;
  if (isRatingQuestionType(question.type)) return (values) => values[0] ?? null;
  const labels = new Map(question.options.map((option) => [option.value, locale === "ja" ? option.label_ja : option.label_en]));
  return (values) =>
    [...values]
      .sort((a, b) => a - b)
      .map((value) => labels.get(value) ?? String(value))
      .join(MULTIPLE_SEPARATOR);
}

/**
 * The anonymised response data: a header, then one row per response in the order of its random
 * id (never the order of answering), yielded a chunk at a time. Group columns come first, as the
 * release plan gives them (k-anonymous, see rowRelease); then one column per question code, blank
 * for a question with too few respondents of its own; choice answers by label (several joined
 * with ";"), ratings as numbers, free text as written.
 */
export async function* responseExportRows(
  db: Db,
  definition: SurveyDefinition,
  release: RowRelease,
  header: ResponseExportHeader,
  locale: Locale,
  chunkSize = RESPONSE_CHUNK_SIZE,
): AsyncGenerator<ExportCell[][]> {
  const { survey } = definition;
  const questions = definition.sections.flatMap((section) => section.questions);
  const columnOf = new Map(questions.flatMap((question, index) => (release.questionsShown.has(question.id) ? [[question.id, index] as const] : [])));
  const writers = questions.map((question) => cellWriter(question, locale));
  yield [[...BREAKDOWN_DIMENSIONS.map((dimension) => header.dimensions[dimension]), ...questions.map((q) => q.code)]];

  let after: string | null = null;
  for (;;) {
    // One row per response with its answers as a JSON array built by SQLite, rather than one row
    // per answer: a tenth of the rows to hand over, which is where the time goes. (PostgreSQL
    // would say json_agg(json_build_array(...)).)
    let query = db
      .selectFrom("survey_responses")
      .select([
        "id",
        "department",
        "job_level",
        "age_band",
        "employment_type",
        sql<string>`(select json_group_array(json_array(question_id, value, text_value)) from response_answers where response_id = survey_responses.id)`.as(
          "answers",
        ),
      ])
      .where("survey_id", "=", survey.id)
      .where(isPublishedResponse)
      .orderBy("id")
      .limit(chunkSize);
    if (after !== null) query = query.where("id", ">", after);
    const responses = await query.execute();
    if (responses.length === 0) return;
    after = responses[responses.length - 1]!.id;

    yield responses.map((response) => {
      const values: number[][] = [];
      const texts: (string | null)[] = [];
      for (const [questionId, value, text] of JSON.parse(response.answers) as [number, number, string | null][]) {
        const column = columnOf.get(questionId);
        if (column === undefined) continue;
        (values[column] ??= []).push(value);
        texts[column] = text;
      }
      const groups = release.groupsOf(response);
      return [
        ...BREAKDOWN_DIMENSIONS.map((dimension) => groups[dimension]),
        ...writers.map((write, column) => (values[column] === undefined ? null : write(values[column]!, texts[column] ?? null))),
      ];
    });
    if (responses.length < chunkSize) return;
  }
}

export type ResponseExportOutcome = { ok: true; file: StreamedTableFile } | ExportRefusal;

/**
 * The row-level data of a survey as a streamed table, if the disclosure gate releases it (not
 * while open, not under the minimum). The download is audited, with the number of rows, in the
 * same transaction that decides the release; the rows are then read a chunk at a time.
 */
export async function exportResponses(db: Kysely<Database>, request: ExportRequest, code: string): Promise<ResponseExportOutcome> {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) return { ok: false, reason: "unknown_survey" };
  const { survey } = definition;
  const questionIds = definition.sections.flatMap((section) => section.questions.map((question) => question.id));
  const release = await db.transaction().execute(async (trx) => {
    const decision = await rowRelease(trx, survey, questionIds);
    if (decision.shown) {
      await recordAudit(trx, request.actor, "results.export", { survey: survey.code, table: "responses", format: request.format }, decision.respondents);
    }
    return decision;
  });
  if (!release.shown) return { ok: false, reason: release.reason, minimumSize: survey.min_group_size };
  const { t, locale } = request;
  return {
    ok: true,
    file: {
      chunks: responseExportRows(db, definition, release, { dimensions: t.results.breakdown.dimensions }, locale),
      asciiName: `${survey.code}-responses`,
      displayName: t.reports.responses.fileName(survey.code),
      sheetName: t.reports.responses.sheetName,
    },
  };
}
