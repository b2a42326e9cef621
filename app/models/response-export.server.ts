import { EncodedAnswersReader } from "~/domain/export/encoded-answers";
import type { ExportCell } from "~/domain/export/formula-safety";
import { isRatingQuestionType } from "~/domain/survey/scales";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { ExportRefusal, StreamedTableFile } from "~/domain/export/table-file";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";
import type { Locale } from "~/i18n/dictionary";
import type { Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { type ResponseGroups, type RowRelease, rowRelease } from "./disclosure.server";
import type { ExportRequest } from "./results-tables.server";
import { type QuestionDefinition, type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";
import { isPublishedResponse } from "./responses.server";

/** Responses read per query: bounded memory whatever the survey's size, few enough round trips. */
export const RESPONSE_CHUNK_SIZE = 2000;
const MULTIPLE_SEPARATOR = ";";

export interface ResponseExportHeader {
  dimensions: Record<BreakdownDimension, string>;
}

/**
 * How one question's answers become its cell: a rating as a number, free text as written, choices
 * by label. The first `count` of `values` are the question's answer values in this row (a buffer
 * the caller reuses for the next row); `texts` are the row's free texts by question id.
 */
type CellWriter = (values: number[], count: number, texts: Readonly<Record<number, string>>) => ExportCell;

function cellWriter(question: QuestionDefinition, locale: Locale): CellWriter {
  if (question.type === "free_text") return (_values, _count, texts) => texts[question.id] ?? null;
  if (isRatingQuestionType(question.type)) return (values) => values[0]!;
  const labels = new Map(question.options.map((option) => [option.value, locale === "ja" ? option.label_ja : option.label_en]));
  return (values, count) => {
    if (count === 1) return labels.get(values[0]!) ?? String(values[0]);
    return values
      .slice(0, count)
      .sort((a, b) => a - b)
      .map((value) => labels.get(value) ?? String(value))
      .join(MULTIPLE_SEPARATOR);
  };
}

type GroupTree = Map<string | null, GroupTree | ResponseGroups>;

/**
 * release.groupsOf, remembered per stored combination in a tree of maps keyed by each group in
 * turn: a lookup builds nothing, where groupsOf builds a key for every row (~0.05 s of a
 * 100,000-row export). What a combination is released as is still groupsOf's decision alone.
 */
function rememberedGroups(release: RowRelease): (stored: ResponseGroups) => ResponseGroups {
  const root: GroupTree = new Map();
  const last = BREAKDOWN_DIMENSIONS.length - 1;
  return (stored) => {
    let level = root;
    for (let d = 0; d < last; d++) {
      const group = stored[BREAKDOWN_DIMENSIONS[d]!];
      let next = level.get(group) as GroupTree | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(group, next);
      }
      level = next;
    }
    const group = stored[BREAKDOWN_DIMENSIONS[last]!];
    let released = level.get(group) as ResponseGroups | undefined;
    if (released === undefined) {
      released = release.groupsOf(stored);
      level.set(group, released);
    }
    return released;
  };
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
  const groupColumns = BREAKDOWN_DIMENSIONS.length;
  const groupsOf = rememberedGroups(release);
  yield [[...BREAKDOWN_DIMENSIONS.map((dimension) => header.dimensions[dimension]), ...questions.map((q) => q.code)]];

  // One value buffer per column, reused from row to row with a count of the values it holds:
  // 100,000 rows × 15 questions would otherwise allocate 1.5 million small arrays.
  const values = questions.map((): number[] => []);
  const counts = new Int32Array(questions.length);
  const answers = new EncodedAnswersReader();
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom("survey_responses")
      .select(["id", ...BREAKDOWN_DIMENSIONS, "encoded_answers"])
      .where("survey_id", "=", survey.id)
      .where(isPublishedResponse)
      .orderBy("id")
      .limit(chunkSize);
    if (after !== null) query = query.where("id", ">", after);
    const responses = await query.execute();
    if (responses.length === 0) return;
    after = responses[responses.length - 1]!.id;

    const rows: ExportCell[][] = new Array(responses.length);
    for (let r = 0; r < responses.length; r++) {
      const response = responses[r]!;
      answers.read(response.encoded_answers);
      counts.fill(0);
      const { pairs, length } = answers;
      for (let i = 0; i < length; i += 2) {
        const column = columnOf.get(pairs[i]!);
        if (column !== undefined) values[column]![counts[column]!++] = pairs[i + 1]!;
      }
      const groups = groupsOf(response);
      const row: ExportCell[] = new Array(groupColumns + questions.length);
      for (let d = 0; d < groupColumns; d++) row[d] = groups[BREAKDOWN_DIMENSIONS[d]!];
      for (let column = 0; column < questions.length; column++) {
        const count = counts[column]!;
        row[groupColumns + column] = count === 0 ? null : writers[column]!(values[column]!, count, answers.texts);
      }
      rows[r] = row;
    }
    yield rows;
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
