import type { ExportCell } from "~/domain/export/formula-safety";
import { isRatingQuestionType } from "~/domain/survey/scales";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { ExportRefusal, StreamedTableFile } from "~/domain/export/table-file";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";
import type { Locale } from "~/i18n/dictionary";
import type { Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { type RowRelease, rowRelease } from "./disclosure.server";
import type { ExportRequest } from "./results-tables.server";
import { type QuestionDefinition, type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";

/** Responses read per query: bounded memory whatever the survey's size. */
export const RESPONSE_CHUNK_SIZE = 1000;
const MULTIPLE_SEPARATOR = ";";

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
  yield [[...BREAKDOWN_DIMENSIONS.map((dimension) => header.dimensions[dimension]), ...questions.map((q) => q.code)]];

  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom("survey_responses")
      .select(["id", "department", "job_level", "age_band", "employment_type"])
      .where("survey_id", "=", survey.id)
      .orderBy("id")
      .limit(chunkSize);
    if (after !== null) query = query.where("id", ">", after);
    const responses = await query.execute();
    if (responses.length === 0) return;
    const first = responses[0]!.id;
    after = responses[responses.length - 1]!.id;

    // The chunk's answers by key range: response_answers is keyed by response id first.
    const answers = await db
      .selectFrom("response_answers")
      .select(["response_id", "question_id", "value", "text_value"])
      .where("response_id", ">=", first)
      .where("response_id", "<=", after)
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
      const groups = release.groupsOf(response);
      return [...BREAKDOWN_DIMENSIONS.map((dimension) => groups[dimension]), ...questions.map((question, index) => answerCell(question, perQuestion[index]!, locale))];
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
