import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { decodeCsvBytes, parseCsv } from "~/domain/csv";
import { tokyoDate } from "~/domain/dates";
import type { ResponseImportProblem } from "~/domain/survey/import-messages";
import { parseResponseImport } from "~/domain/survey/response-import";
import type { Answer, Answers } from "~/domain/survey/answers";
import { type RespondentGroups, respondentGroups } from "~/domain/survey/respondent-groups";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import type { SurveyDefinition } from "./surveys.server";

export class SubmissionRefused extends Error {
  constructor(readonly reason: "already_answered" | "not_open" | "not_eligible") {
    super(reason);
  }
}

/** Tally keys: "all" counts everyone; the breakdown dimensions count within their group. */
function tallyGroups(groups: RespondentGroups): { dimension: string; group: string }[] {
  const keys = [{ dimension: "all", group: "" }];
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const group = groups[dimension];
    if (group !== null && group !== "") keys.push({ dimension, group });
  }
  return keys;
}

function answerValues(answer: Answer): { value: number; text: string | null }[] {
  if (typeof answer === "string") return [{ value: 0, text: answer }];
  return (typeof answer === "number" ? [answer] : answer).map((value) => ({ value, text: null }));
}

interface PendingResponse {
  groups: RespondentGroups;
  answers: Answers;
}

/**
 * Writes responses, their answers and the running tallies. Tallies are summed in memory first,
 * so an import of thousands of rows costs a few hundred upserts, not one per answer.
 */
async function writeResponses(
  trx: Db,
  definition: SurveyDefinition,
  responses: readonly PendingResponse[],
  source: "web" | "import",
  submittedOn: string,
) {
  const questionIds = new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.code, q.id]));
  const answerTallies = new Map<string, { question_id: number; dimension: string; group_name: string; value: number; count: number }>();
  const respondentTallies = new Map<string, { dimension: string; group_name: string; count: number }>();
  const questionRespondentTallies = new Map<string, { question_id: number; dimension: string; group_name: string; count: number }>();
  const responseRows: Database["survey_responses"][] = [];
  const answerRows: Database["response_answers"][] = [];

  for (const response of responses) {
    const id = randomBytes(16).toString("hex");
    responseRows.push({ id, survey_id: definition.survey.id, submitted_on: submittedOn, source, ...response.groups });
    const groupKeys = tallyGroups(response.groups);
    for (const { dimension, group } of groupKeys) {
      const key = `${dimension}\u0000${group}`;
      const tally = respondentTallies.get(key) ?? { dimension, group_name: group, count: 0 };
      tally.count += 1;
      respondentTallies.set(key, tally);
    }
    for (const [code, answer] of Object.entries(response.answers)) {
      const questionId = questionIds.get(code);
      if (questionId === undefined) throw new Error(`survey ${definition.survey.code} has no question ${code}`);
      // Who answered the question at all: the denominator of "share of respondents" for a multiple choice.
      for (const { dimension, group } of groupKeys) {
        const key = `${questionId}\u0000${dimension}\u0000${group}`;
        const tally = questionRespondentTallies.get(key) ?? { question_id: questionId, dimension, group_name: group, count: 0 };
        tally.count += 1;
        questionRespondentTallies.set(key, tally);
      }
      for (const { value, text } of answerValues(answer)) {
        answerRows.push({ response_id: id, question_id: questionId, value, text_value: text });
        // Free text is read from the answers themselves; only countable values are tallied.
        if (text !== null) continue;
        for (const { dimension, group } of groupKeys) {
          const key = `${questionId}\u0000${dimension}\u0000${group}\u0000${value}`;
          const tally = answerTallies.get(key) ?? { question_id: questionId, dimension, group_name: group, value, count: 0 };
          tally.count += 1;
          answerTallies.set(key, tally);
        }
      }
    }
  }

  const CHUNK = 500;
  for (let i = 0; i < responseRows.length; i += CHUNK) {
    await trx.insertInto("survey_responses").values(responseRows.slice(i, i + CHUNK)).execute();
  }
  for (let i = 0; i < answerRows.length; i += CHUNK) {
    await trx.insertInto("response_answers").values(answerRows.slice(i, i + CHUNK)).execute();
  }
  for (const tally of answerTallies.values()) {
    await trx
      .insertInto("answer_tallies")
      .values(tally)
      .onConflict((oc) =>
        oc.columns(["question_id", "dimension", "group_name", "value"]).doUpdateSet((eb) => ({ count: eb("answer_tallies.count", "+", tally.count) })),
      )
      .execute();
  }
  for (const tally of questionRespondentTallies.values()) {
    await trx
      .insertInto("question_respondent_tallies")
      .values(tally)
      .onConflict((oc) =>
        oc.columns(["question_id", "dimension", "group_name"]).doUpdateSet((eb) => ({ count: eb("question_respondent_tallies.count", "+", tally.count) })),
      )
      .execute();
  }
  for (const tally of respondentTallies.values()) {
    await trx
      .insertInto("respondent_tallies")
      .values({ survey_id: definition.survey.id, ...tally })
      .onConflict((oc) =>
        oc.columns(["survey_id", "dimension", "group_name"]).doUpdateSet((eb) => ({ count: eb("respondent_tallies.count", "+", tally.count) })),
      )
      .execute();
  }
}

/** The roster facts a response snapshot is taken from; null when the person is not active. */
export async function respondentProfile(db: Db, staffId: number) {
  return db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .innerJoin("job_levels", "job_levels.code", "staff.job_level_code")
    .innerJoin("employment_types", "employment_types.code", "staff.employment_type_code")
    .select([
      "departments.path as departmentPath",
      "job_levels.name_ja as jobLevelName",
      "employment_types.name_ja as employmentTypeName",
      "staff.employment_type_code as employmentType",
      "staff.birth_year as birthYear",
    ])
    .where("staff.id", "=", staffId)
    .where("staff.active", "=", 1)
    .executeTakeFirst();
}

export async function hasAnswered(db: Db, surveyId: number, staffId: number): Promise<boolean> {
  const row = await db
    .selectFrom("survey_participation")
    .select("staff_id")
    .where("survey_id", "=", surveyId)
    .where("staff_id", "=", staffId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records one person's answers. Participation (who) and the response (what) are written in one
 * transaction and share nothing: the response has a random id, the day only, and group names.
 * The participation key makes a second submission fail, even two at once.
 */
export async function submitResponse(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  staffId: number,
  answers: Answers,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const survey = await trx.selectFrom("surveys").select(["status"]).where("id", "=", definition.survey.id).executeTakeFirstOrThrow();
    if (survey.status !== "open") throw new SubmissionRefused("not_open");
    const profile = await respondentProfile(trx, staffId);
    if (!profile) throw new SubmissionRefused("not_eligible");
    const inserted = await trx
      .insertInto("survey_participation")
      .values({ survey_id: definition.survey.id, staff_id: staffId })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw new SubmissionRefused("already_answered");
    const groups = respondentGroups(profile, definition.survey.fiscal_year);
    await writeResponses(trx, definition, [{ groups, answers }], "web", tokyoDate(now));
  });
}

/** Loads a past year's answers (already validated) in one transaction: all rows or none. */
/** How far an import has got, for progress displays: data rows read, checked, written. */
export interface ImportProgress {
  read: number;
  checked: number;
  written: number;
}
export type OnImportProgress = (progress: ImportProgress) => void | Promise<void>;

/** Rows written between progress reports. */
const PROGRESS_SLICE = 5_000;

export async function importResponses(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  rows: readonly PendingResponse[],
  actor: Actor,
  now = new Date(),
  onProgress?: OnImportProgress,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!onProgress) await writeResponses(trx, definition, rows, "import", definition.survey.closes_on);
    for (let start = 0; onProgress && start < rows.length; start += PROGRESS_SLICE) {
      await writeResponses(trx, definition, rows.slice(start, start + PROGRESS_SLICE), "import", definition.survey.closes_on);
      const written = Math.min(start + PROGRESS_SLICE, rows.length);
      await onProgress({ read: rows.length, checked: rows.length, written });
    }
    await recordAudit(trx, actor, "survey.import_responses", { survey: definition.survey.code }, rows.length, now);
  });
}

export type CsvImportOutcome = { ok: true; imported: number } | { ok: false; problems: ResponseImportProblem[] };

/**
 * A past year's answers from a CSV export: decoded (UTF-8 or CP932), checked against the
 * survey's questions, and written all together, or not at all when anything is wrong.
 */
export async function importResponsesFromCsv(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  bytes: Uint8Array,
  actor: Actor,
  now = new Date(),
  onProgress?: OnImportProgress,
): Promise<CsvImportOutcome> {
  const parsed = parseCsv(decodeCsvBytes(bytes).text);
  if (!parsed.ok) {
    return { ok: false, problems: [{ line: parsed.unclosedQuoteLine, column: "", columnNumber: null, code: "unclosed_quote" }] };
  }
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, problems: [{ line: 1, column: "", columnNumber: null, code: "empty_file" }] };
  await onProgress?.({ read: records.length, checked: 0, written: 0 });
  const codesById = new Map(definition.sections.flatMap((section) => section.questions.map((q) => [q.id, q.code] as const)));
  const questions = definition.sections.flatMap((section) =>
    section.questions.map((q) => {
      const showIfCode = q.showIf ? codesById.get(q.showIf.questionId) : undefined;
      return {
        code: q.code,
        type: q.type,
        scale: q.type === "free_text" ? null : { options: q.options },
        maxChoices: q.maxChoices,
        showIf: q.showIf && showIfCode ? { questionCode: showIfCode, values: q.showIf.values } : null,
      };
    }),
  );
  const result = parseResponseImport(questions, header.cells, records);
  if (!result.ok) return { ok: false, problems: result.errors };
  const rows = result.rows.map((row) => ({
    groups: row.groups,
    answers: Object.fromEntries(Object.entries(row.answers).filter((entry): entry is [string, Answer] => entry[1] !== null)),
  }));
  await onProgress?.({ read: records.length, checked: rows.length, written: 0 });
  await importResponses(db, definition, rows, actor, now, onProgress);
  return { ok: true, imported: rows.length };
}
