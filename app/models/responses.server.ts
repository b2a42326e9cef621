import { createHash, randomBytes, randomInt } from "node:crypto";
import type { ExpressionBuilder, Kysely } from "kysely";
import { truncateWal, withForeignKeysUnchecked } from "#db/connection";
import type { Database } from "#db/schema";
import { UnclosedQuoteError, csvRecords, decodeCsvBytes } from "~/domain/csv";
import { tokyoDate } from "~/domain/dates";
import { encodeAnswers } from "~/domain/export/encoded-answers";
import type { Answer, Answers } from "~/domain/survey/answers";
import type { ResponseImportProblem } from "~/domain/survey/import-messages";
import type { RespondentGroups } from "~/domain/survey/respondent-groups";
import { type ImportError, type ImportQuestion, responseImportReader, sortImportErrors } from "~/domain/survey/response-import";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";
import { type Db, type ValueSlots, reusableQuery } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { bulkInsert, bulkInsertValues, bulkUpsertAdding } from "./bulk-writes.server";
import { reportingGroupsOf, rosterFacts } from "./reporting-groups.server";
import { type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";

/**
 * Responses anyone may read: from the web, or from an import that has been published. Rows of an
 * import still being written stay out of every export and listing until it is complete.
 */
export function isPublishedResponse<TB extends "survey_responses">(eb: ExpressionBuilder<Database, TB>) {
  const e = eb as unknown as ExpressionBuilder<Database, "survey_responses">;
  return e.or([
    e("survey_responses.import_batch_id", "is", null),
    e("survey_responses.import_batch_id", "in", e.selectFrom("response_import_batches").select("response_import_batches.id").where("response_import_batches.state", "=", "published")),
  ]);
}

export class SubmissionRefused extends Error {
  constructor(readonly reason: "already_answered" | "not_open" | "not_eligible") {
    super(reason);
  }
}

interface PendingResponse {
  groups: RespondentGroups;
  answers: Answers;
}

/**
 * Counts to add to the tallies, kept under numeric keys: an import of 100,000 responses bumps
 * ~15 million cells, and building a string key per bump cost more than writing the rows.
 * Responses are counted per combination of their groups (a few hundred at most), each answer
 * once, and spread over the combination's tally groups ("all" and one per dimension) only when
 * the counts are read: five times fewer increments than bumping every group per answer.
 */
class TallyDelta {
  private readonly combinationIndex = new Map<string, number>();
  /** Per combination, the tally groups it counts in (indexes into groupList). */
  private readonly combinationGroups: number[][] = [];
  private readonly groupIndex = new Map<string, number>();
  private readonly groupList: { dimension: string; group_name: string }[] = [];
  private readonly questionIndex = new Map<string, number>();
  private readonly questionList: number[] = [];
  private readonly answerCounts = new Map<number, number>();
  private readonly questionRespondentCounts = new Map<number, number>();
  private readonly respondentCounts = new Map<number, number>();

  private readonly questionIds: ReadonlyMap<string, number>;

  constructor(private readonly definition: SurveyDefinition) {
    this.questionIds = questionIdsOf(definition);
  }

  add(response: PendingResponse) {
    const combination = this.combinationOf(response.groups);
    increment(this.respondentCounts, combination);
    for (const code in response.answers) {
      const answer = response.answers[code]!;
      const questionCell = this.questionOf(code) * MAX_TALLY_GROUPS + combination;
      // Who answered the question at all: the denominator of "share of respondents" for a multiple choice.
      increment(this.questionRespondentCounts, questionCell);
      // Free text is read from the answers themselves; only countable values are tallied.
      if (typeof answer === "string") continue;
      if (typeof answer === "number") this.addValue(code, questionCell, answer);
      else for (const value of answer) this.addValue(code, questionCell, value);
    }
  }

  /*
   * The tallies as flat values, row after row (key columns, then the count), as bulkUpsertAdding
   * takes them: a batch of answers adds to hundreds of cells, and an object per cell was most of
   * what the writer thread allocated.
   */

  /** Rows of ANSWER_TALLY_KEY + count. */
  answerValues(): unknown[] {
    const values: unknown[] = [];
    for (const [key, count] of this.spread(this.answerCounts, MAX_TALLY_VALUE)) {
      this.pushCell(values, Math.floor(key / MAX_TALLY_VALUE));
      values.push(key % MAX_TALLY_VALUE, count);
    }
    return values;
  }

  /** Rows of QUESTION_RESPONDENT_TALLY_KEY + count. */
  questionRespondentValues(): unknown[] {
    const values: unknown[] = [];
    for (const [cell, count] of this.spread(this.questionRespondentCounts, 1)) {
      this.pushCell(values, cell);
      values.push(count);
    }
    return values;
  }

  /** Rows of RESPONDENT_TALLY_KEY + count. */
  respondentValues(surveyId: number): unknown[] {
    const values: unknown[] = [];
    for (const [group, count] of this.spread(this.respondentCounts, 1)) {
      const { dimension, group_name } = this.groupList[group]!;
      values.push(surveyId, dimension, group_name, count);
    }
    return values;
  }

  private addValue(code: string, questionCell: number, value: number) {
    if (!Number.isInteger(value) || value < 0 || value >= MAX_TALLY_VALUE) throw new Error(`answer value ${value} to ${code} cannot be tallied`);
    increment(this.answerCounts, questionCell * MAX_TALLY_VALUE + value);
  }

  /**
   * Counts keyed by combination turned into counts keyed by tally group. A key is
   * `(question × MAX_TALLY_GROUPS + combination) × unit + rest` (respondents: question 0, unit 1);
   * the combination's place takes each of its groups in turn.
   */
  private spread(counts: ReadonlyMap<number, number>, unit: number): Map<number, number> {
    const byGroup = new Map<number, number>();
    for (const [key, count] of counts) {
      const rest = key % unit;
      const cell = (key - rest) / unit;
      const combination = cell % MAX_TALLY_GROUPS;
      const questionBase = cell - combination;
      for (const group of this.combinationGroups[combination]!) {
        const target = (questionBase + group) * unit + rest;
        byGroup.set(target, (byGroup.get(target) ?? 0) + count);
      }
    }
    return byGroup;
  }

  /** A cell's question and group: question_id, dimension, group_name. */
  private pushCell(values: unknown[], cell: number) {
    const { dimension, group_name } = this.groupList[cell % MAX_TALLY_GROUPS]!;
    values.push(this.questionList[Math.floor(cell / MAX_TALLY_GROUPS)]!, dimension, group_name);
  }

  private combinationOf(groups: RespondentGroups): number {
    // Length-prefixed, so no group name can run into the next.
    let key = "";
    for (const dimension of BREAKDOWN_DIMENSIONS) {
      const group = groups[dimension] ?? "";
      key += `${group.length}:${group}`;
    }
    let index = this.combinationIndex.get(key);
    if (index === undefined) {
      index = this.combinationGroups.push(tallyGroups(groups).map(({ dimension, group }) => this.groupOf(dimension, group))) - 1;
      if (index >= MAX_TALLY_GROUPS) throw new Error(`more than ${MAX_TALLY_GROUPS} group combinations in one write`);
      this.combinationIndex.set(key, index);
    }
    return index;
  }

  private groupOf(dimension: string, group_name: string): number {
    const key = `${dimension}\u0000${group_name}`;
    let index = this.groupIndex.get(key);
    if (index === undefined) {
      index = this.groupList.push({ dimension, group_name }) - 1;
      if (index >= MAX_TALLY_GROUPS) throw new Error(`more than ${MAX_TALLY_GROUPS} reporting groups in one write`);
      this.groupIndex.set(key, index);
    }
    return index;
  }

  private questionOf(code: string): number {
    let index = this.questionIndex.get(code);
    if (index === undefined) {
      const questionId = this.questionIds.get(code);
      if (questionId === undefined) throw new Error(`survey ${this.definition.survey.code} has no question ${code}`);
      index = this.questionList.push(questionId) - 1;
      this.questionIndex.set(code, index);
    }
    return index;
  }
}

/** Bounds of the numeric tally keys (question × group × value stays far below 2^53). */
const MAX_TALLY_GROUPS = 1 << 20;
const MAX_TALLY_VALUE = 1 << 10;

function increment(counts: Map<number, number>, key: number) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
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

/** A few multi-row upserts (count = count + excluded.count), however many cells change. */
const ANSWER_TALLY_KEY = ["question_id", "dimension", "group_name", "value"] as const;
const QUESTION_RESPONDENT_TALLY_KEY = ["question_id", "dimension", "group_name"] as const;
const RESPONDENT_TALLY_KEY = ["survey_id", "dimension", "group_name"] as const;

async function addTallies(trx: Db, surveyId: number, delta: TallyDelta) {
  await bulkUpsertAdding(trx, "answer_tallies", ANSWER_TALLY_KEY, delta.answerValues());
  await bulkUpsertAdding(trx, "question_respondent_tallies", QUESTION_RESPONDENT_TALLY_KEY, delta.questionRespondentValues());
  await bulkUpsertAdding(trx, "respondent_tallies", RESPONDENT_TALLY_KEY, delta.respondentValues(surveyId));
}

const questionIdsOf = (definition: SurveyDefinition) =>
  new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.code, q.id]));

type ResponseRow = Omit<Database["survey_responses"], "import_batch_id"> & { import_batch_id: number | null };

const RESPONSE_COLUMNS = ["id", "survey_id", "submitted_on", "source", "import_batch_id", ...BREAKDOWN_DIMENSIONS, "encoded_answers"] as const;
const ANSWER_COLUMNS = ["response_id", "question_id", "value", "text_value"] as const;

/**
 * The rows of responses and their answers, in the order given; each response row also carries
 * its answers encoded for the row-level export (encodeAnswers), written here and nowhere else, so
 * the copy and the answer rows cannot part. An import writes millions of answers, so values go
 * straight into preallocated flat lists in column order: an object, a spread or a growing array
 * per answer cost more CPU than SQLite's own work.
 */
async function writeResponseRows(
  trx: Db,
  definition: SurveyDefinition,
  responses: readonly (PendingResponse & { id: string })[],
  row: Omit<ResponseRow, "id" | keyof RespondentGroups | "encoded_answers">,
) {
  const questions = [...questionIdsOf(definition)];
  const responseValues: (string | number | null)[] = new Array(responses.length * RESPONSE_COLUMNS.length);
  const answerValues: (string | number | null)[] = new Array(responses.length * questions.length * ANSWER_COLUMNS.length);
  let r = 0;
  let a = 0;
  for (const response of responses) {
    responseValues[r++] = response.id;
    responseValues[r++] = row.survey_id;
    responseValues[r++] = row.submitted_on;
    responseValues[r++] = row.source;
    responseValues[r++] = row.import_batch_id;
    for (const dimension of BREAKDOWN_DIMENSIONS) responseValues[r++] = response.groups[dimension];
    responseValues[r++] = encodeAnswers(questions, response.answers);
    let answered = 0;
    for (const [code, questionId] of questions) {
      const answer = response.answers[code];
      if (answer === undefined) continue;
      answered += 1;
      if (typeof answer === "object") {
        for (const value of answer) {
          answerValues[a++] = response.id;
          answerValues[a++] = questionId;
          answerValues[a++] = value;
          answerValues[a++] = null;
        }
        continue;
      }
      answerValues[a++] = response.id;
      answerValues[a++] = questionId;
      answerValues[a++] = typeof answer === "number" ? answer : 0;
      answerValues[a++] = typeof answer === "string" ? answer : null;
    }
    let given = 0;
    for (const _code in response.answers) given += 1;
    if (answered !== given) {
      throw new Error(`survey ${definition.survey.code} lacks a question among ${Object.keys(response.answers).join(", ")}`);
    }
  }
  answerValues.length = a;
  await bulkInsertValues(trx, "survey_responses", RESPONSE_COLUMNS, responseValues);
  await bulkInsertValues(trx, "response_answers", ANSWER_COLUMNS, answerValues);
}

/** Fisher–Yates with a cryptographic source: the order of arrival must not be guessable from the order of rows. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const randomResponseId = () => randomBytes(16).toString("hex");

/**
 * Where a person stands with a survey, as the answering page needs it: whether they have answered,
 * and the employment type that decides their questions (null when they are not active staff, who
 * may not answer). One statement, as the page is loaded far more often than anything else.
 */
const answeringStateRow = reusableQuery((db, value: ValueSlots<{ surveyId: number; staffId: number }>) =>
  db.selectNoFrom((eb) => [
    eb
      .exists(eb.selectFrom("survey_participation").select("staff_id").where("survey_id", "=", value("surveyId")).where("staff_id", "=", value("staffId")))
      .as("answered"),
    eb.selectFrom("staff").select("employment_type_code").where("id", "=", value("staffId")).where("active", "=", 1).as("employmentType"),
  ]),
);

export async function answeringState(db: Db, surveyId: number, staffId: number): Promise<{ answered: boolean; employmentType: string | null }> {
  const [row] = await answeringStateRow(db, { surveyId, staffId });
  return { answered: Boolean(row?.answered), employmentType: row?.employmentType ?? null };
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

/** One person's answers to one survey, as the writer receives them (plain data: it may cross to a worker thread). */
export interface SubmissionData {
  surveyCode: string;
  staffId: number;
  answers: Answers;
  /** The day (Asia/Tokyo) the answers were sent: the only time a response keeps. */
  submittedOn: string;
}

/** What became of one submission of a batch: stored (null) or refused, and why. */
export type SubmissionOutcome = SubmissionRefused["reason"] | null;

/** Stores a batch and answers, in the batch's order, what became of each submission. */
export type SubmissionWriter = (batch: SubmissionData[]) => Promise<SubmissionOutcome[]>;

declare global {
  // One registry for the whole process: the server entry and the routes are bundled apart, and
  // the entry decides where batches are written (a worker thread) for the routes' connection.
  var __yellSubmissionWriters: WeakMap<Kysely<Database>, SubmissionWriter> | undefined;
}

/** From now on, batches of submissions made on `db` are handed to `writer` (null: written in this thread again). */
export function useSubmissionWriter(db: Kysely<Database>, writer: SubmissionWriter | null): void {
  globalThis.__yellSubmissionWriters ??= new WeakMap();
  if (writer) globalThis.__yellSubmissionWriters.set(db, writer);
  else globalThis.__yellSubmissionWriters.delete(db);
}

interface QueuedSubmission {
  data: SubmissionData;
  settle: (outcome: SubmissionOutcome, error?: unknown) => void;
}

/** Most submissions a single transaction takes; more wait for the next one. */
const MAX_BATCH = 200;

/**
 * Group commit. Submissions that arrive while one transaction is being written are committed
 * together in the next, participation rows and responses each in a shuffled order, and the WAL
 * is truncated right after the commit, before anyone is answered: a copy of the files then shows
 * who answered and what was answered, but not which is whose (README, "No pairing in the files").
 */
class SubmissionBatcher {
  private queue: QueuedSubmission[] = [];
  private running = false;

  constructor(private readonly db: Kysely<Database>) {}

  submit(data: SubmissionData): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        data,
        settle: (outcome, error) => (error !== undefined ? reject(error) : outcome ? reject(new SubmissionRefused(outcome)) : resolve()),
      });
      if (!this.running) {
        this.running = true;
        // Let the requests already read in this turn of the event loop join the batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const write = globalThis.__yellSubmissionWriters?.get(this.db) ?? ((data: SubmissionData[]) => commitSubmissionBatch(this.db, data));
      try {
        const outcomes = await write(batch.map((submission) => submission.data));
        batch.forEach((submission, index) => submission.settle(outcomes[index] ?? null));
      } catch (error) {
        for (const submission of batch) submission.settle(null, error);
      }
    }
    this.running = false;
  }
}

const batchers = new WeakMap<Kysely<Database>, SubmissionBatcher>();

const WAL_RETRY_MS = 50;
const walRetries = new WeakMap<Kysely<Database>, NodeJS.Timeout>();

/**
 * Truncates the WAL now, or, while another connection (a CLI import) holds it open, again every
 * 50 ms until it succeeds.
 */
export async function truncateWalPromptly(db: Kysely<Database>): Promise<void> {
  if (await truncateWal(db)) return;
  if (walRetries.has(db)) return;
  const retry = setInterval(() => {
    void truncateWal(db).then(
      (done) => {
        if (!done) return;
        clearInterval(retry);
        walRetries.delete(db);
      },
      // A closed connection (tests, shutdown) has nothing left to truncate.
      () => {
        clearInterval(retry);
        walRetries.delete(db);
      },
    );
  }, WAL_RETRY_MS);
  retry.unref();
  walRetries.set(db, retry);
}

/**
 * Commits a batch of submissions in one transaction (each stored or refused on its own), then
 * truncates the WAL; answers in the batch's order. Whoever writes batches runs this: the
 * server's writer thread, or the submitting thread itself.
 */
export async function commitSubmissionBatch(db: Kysely<Database>, batch: readonly SubmissionData[]): Promise<SubmissionOutcome[]> {
  const definitions = new Map<string, SurveyDefinition | null>();
  for (const code of new Set(batch.map((s) => s.surveyCode))) definitions.set(code, await loadSurveyDefinition(db, code));
  const outcomes = await commitSubmissions(db, batch, definitions);
  await truncateWalPromptly(db);
  return outcomes;
}

async function commitSubmissions(
  db: Kysely<Database>,
  batch: readonly SubmissionData[],
  definitions: ReadonlyMap<string, SurveyDefinition | null>,
): Promise<SubmissionOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const outcomes: SubmissionOutcome[] = batch.map(() => null);
    const known = batch.flatMap((data, index) => {
      const definition = definitions.get(data.surveyCode);
      if (definition) return [{ index, data, definition }];
      outcomes[index] = "not_open";
      return [];
    });
    if (known.length === 0) return outcomes;
    const surveyIds = [...new Set(known.map((s) => s.definition.survey.id))];
    const staffIds = [...new Set(known.map((s) => s.data.staffId))];
    const [surveys, profiles, answered] = await Promise.all([
      trx.selectFrom("surveys").select(["id", "status"]).where("id", "in", surveyIds).execute(),
      rosterFacts(trx, staffIds),
      trx.selectFrom("survey_participation").select(["survey_id", "staff_id"]).where("survey_id", "in", surveyIds).where("staff_id", "in", staffIds).execute(),
    ]);
    const open = new Set(surveys.filter((s) => s.status === "open").map((s) => s.id));
    const taken = new Set(answered.map((row) => `${row.survey_id}:${row.staff_id}`));
    const accepted: typeof known = [];
    for (const submission of shuffled(known)) {
      const key = `${submission.definition.survey.id}:${submission.data.staffId}`;
      const refusal = !open.has(submission.definition.survey.id)
        ? "not_open"
        : !profiles.has(submission.data.staffId)
          ? "not_eligible"
          : taken.has(key)
            ? "already_answered"
            : null;
      if (refusal) {
        outcomes[submission.index] = refusal;
        continue;
      }
      taken.add(key);
      accepted.push(submission);
    }
    if (accepted.length === 0) return outcomes;

    await bulkInsert(
      trx,
      "survey_participation",
      accepted.map((s) => ({ survey_id: s.definition.survey.id, staff_id: s.data.staffId })),
    );
    // Responses in a second, independent shuffle: row k of the participation insert is not row k here.
    for (const surveyId of surveyIds) {
      const submissions = shuffled(accepted.filter((s) => s.definition.survey.id === surveyId));
      if (submissions.length === 0) continue;
      const definition = submissions[0]!.definition;
      const groups = await reportingGroupsOf(trx, definition.survey, submissions.map((s) => profiles.get(s.data.staffId)!));
      const delta = new TallyDelta(definition);
      const responses = submissions.map((s, index) => {
        const response = { id: randomResponseId(), groups: groups[index]!, answers: s.data.answers };
        delta.add(response);
        return response;
      });
      // Several days can share a batch only around midnight; each response keeps its own day.
      const byDay = new Map<string, typeof responses>();
      responses.forEach((response, index) => {
        const day = submissions[index]!.data.submittedOn;
        byDay.set(day, [...(byDay.get(day) ?? []), response]);
      });
      for (const [day, dayResponses] of byDay) {
        await writeResponseRows(trx, definition, dayResponses, { survey_id: surveyId, submitted_on: day, source: "web", import_batch_id: null });
      }
      await addTallies(trx, surveyId, delta);
    }
    return outcomes;
  });
}

/**
 * Records one person's answers. Participation (who) and the response (what) share nothing: the
 * response has a random id, the day only, and its reporting groups. Resolves once the answer is
 * committed (it survives a crash from then on); rejects with SubmissionRefused when the survey
 * is not open, the person is not active staff, or they have answered already, even twice at once.
 */
export async function submitResponse(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  staffId: number,
  answers: Answers,
  now = new Date(),
): Promise<void> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new SubmissionBatcher(db);
    batchers.set(db, batcher);
  }
  await batcher.submit({ surveyCode: definition.survey.code, staffId, answers, submittedOn: tokyoDate(now) });
}

/** How far an import has got, for progress displays. */
export interface ImportProgress {
  /** Data rows in the file (counted before checking starts). */
  read: number;
  /** Rows checked against the survey (the file is checked whole before anything is written). */
  checked: number;
  /** Rows written (still invisible until the whole file is written and published). */
  written: number;
}
export type OnImportProgress = (progress: ImportProgress) => void | Promise<void>;

/** Rows checked or written between two progress reports. */
const PROGRESS_SLICE = 5_000;

/** Rows written per transaction: each holds the write lock for a few tens of milliseconds. */
const DEFAULT_SLICE_ROWS = 2500;
/** A pending batch not written to for this long belongs to a process that died. */
const ABANDONED_AFTER_MS = 60_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Deletes the rows of abandoned import batches, a slice at a time: pending batches whose process
 * is gone (a crash) or that no one has written to for a minute. Run at start and before each import.
 */
export async function discardAbandonedImports(db: Kysely<Database>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
  const pending = await db.selectFrom("response_import_batches").select(["id", "owner_pid", "updated_at"]).where("state", "=", "pending").execute();
  const abandoned = pending.filter((batch) => batch.updated_at < cutoff || !isRunning(batch.owner_pid));
  for (const { id } of abandoned) await discardBatch(db, id);
  if (abandoned.length > 0) await truncateWalPromptly(db);
  return abandoned.length;
}

async function discardBatch(db: Kysely<Database>, batchId: number) {
  for (;;) {
    const deleted = await db.transaction().execute(async (trx) => {
      const ids = await trx.selectFrom("survey_responses").select("id").where("import_batch_id", "=", batchId).limit(DEFAULT_SLICE_ROWS).execute();
      if (ids.length === 0) return 0;
      // Answers go with their responses (on delete cascade).
      await trx.deleteFrom("survey_responses").where("id", "in", ids.map((row) => row.id)).execute();
      return ids.length;
    });
    if (deleted === 0) break;
    await yieldToEventLoop();
  }
  await db.deleteFrom("response_import_batches").where("id", "=", batchId).where("state", "=", "pending").execute();
}

export class ImportRefused extends Error {
  constructor(readonly reason: "already_imported" | "survey_opened") {
    super(reason);
  }
}

/**
 * Writes already-checked rows as one import: slices of rows in short transactions under a
 * pending batch (hidden from results and exports), then one short transaction that publishes the
 * batch and adds its tallies. Any failure, or a crash (cleared at the next start), leaves nothing.
 */
async function writeImport(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  rows: AsyncIterable<PendingResponse[]> | Iterable<PendingResponse[]>,
  contentHash: string,
  actor: Actor,
  now: Date,
  onWritten?: (written: number) => void | Promise<void>,
): Promise<number> {
  const { survey } = definition;
  await discardAbandonedImports(db);
  const batchId = await db.transaction().execute(async (trx) => {
    await assertImportable(trx, survey.id, contentHash);
    const stamp = new Date().toISOString();
    const { id } = await trx
      .insertInto("response_import_batches")
      .values({ survey_id: survey.id, content_sha256: contentHash, state: "pending", owner_pid: process.pid, started_at: stamp, updated_at: stamp })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  });

  try {
    const delta = new TallyDelta(definition);
    // Imported responses sort by batch, then slice: each slice is appended to the tables, not
    // scattered across them, while within a slice the order is random, not the file's.
    const batchPrefix = randomBytes(6).toString("hex");
    let written = 0;
    let slice = 0;
    for await (const sliceRows of rows) {
      if (sliceRows.length === 0) continue;
      const prefix = `${batchPrefix}${(slice++).toString(16).padStart(6, "0")}`;
      // One draw of randomness per slice: 7 random bytes (14 hex digits) per response.
      const suffixes = randomBytes(7 * sliceRows.length).toString("hex");
      const responses = sliceRows
        .map((response, index) => ({ ...response, id: `${prefix}${suffixes.slice(index * 14, index * 14 + 14)}` }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const response of responses) delta.add(response);
      // What the rows reference holds by construction (fresh response ids, the survey's own
      // question ids, this batch) and is proven at publishing, with foreign keys on: the survey
      // and the batch are read again there, and the tallies written there reference every
      // answered question.
      await withForeignKeysUnchecked(db, (connection) =>
        connection.transaction().execute(async (trx) => {
          await writeResponseRows(trx, definition, responses, { survey_id: survey.id, submitted_on: survey.closes_on, source: "import", import_batch_id: batchId });
          await trx.updateTable("response_import_batches").set({ updated_at: new Date().toISOString() }).where("id", "=", batchId).execute();
        }),
      );
      written += responses.length;
      await onWritten?.(written);
      await yieldToEventLoop();
    }

    await db.transaction().execute(async (trx) => {
      await assertImportable(trx, survey.id, contentHash);
      const published = await trx
        .updateTable("response_import_batches")
        .set({ state: "published", row_count: written, updated_at: now.toISOString() })
        .where("id", "=", batchId)
        .where("state", "=", "pending")
        .executeTakeFirst();
      if (Number(published.numUpdatedRows) !== 1) throw new Error(`import batch ${batchId} was discarded while it was written`);
      await addTallies(trx, survey.id, delta);
      await recordAudit(trx, actor, "survey.import_responses", { survey: survey.code }, written, now);
    });
    await truncateWalPromptly(db);
    return written;
  } catch (error) {
    await discardBatch(db, batchId);
    throw error;
  }
}

/** Past answers go only into a survey never opened to staff, and the same file only once. */
async function assertImportable(trx: Db, surveyId: number, contentHash: string) {
  const survey = await trx.selectFrom("surveys").select(["opened_at"]).where("id", "=", surveyId).executeTakeFirstOrThrow();
  if (survey.opened_at !== null) throw new ImportRefused("survey_opened");
  const earlier = await trx
    .selectFrom("response_import_batches")
    .select("id")
    .where("survey_id", "=", surveyId)
    .where("content_sha256", "=", contentHash)
    .where("state", "=", "published")
    .executeTakeFirst();
  if (earlier) throw new ImportRefused("already_imported");
}

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Loads a past year's answers (already validated) as one import: all rows or none. */
export async function importResponses(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  rows: readonly PendingResponse[],
  actor: Actor,
  now = new Date(),
): Promise<void> {
  // Not from a file: no content to recognise a second time.
  const contentHash = `rows:${randomResponseId()}`;
  await writeImport(db, definition, slices(rows, DEFAULT_SLICE_ROWS), contentHash, actor, now);
}

export type CsvImportOutcome = { ok: true; imported: number } | { ok: false; problems: ResponseImportProblem[] };

function importQuestions(definition: SurveyDefinition): ImportQuestion[] {
  const codesById = new Map(definition.sections.flatMap((section) => section.questions.map((q) => [q.id, q.code] as const)));
  return definition.sections.flatMap((section) =>
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
}

const fileProblem = (code: Extract<ResponseImportProblem, { columnNumber: null; column: "" }>["code"], line = 1): ResponseImportProblem => ({
  line,
  column: "",
  columnNumber: null,
  code,
});

/**
 * A past year's answers from a CSV export: decoded (UTF-8 or CP932), checked whole against the
 * survey's questions, then written in slices and published at once, or not at all when anything
 * is wrong. The file is read twice rather than held as rows, so memory stays flat whatever its size.
 */
export async function importResponsesFromCsv(
  db: Kysely<Database>,
  definition: SurveyDefinition,
  bytes: Uint8Array,
  actor: Actor,
  now = new Date(),
  onProgress?: OnImportProgress,
  sliceRows = DEFAULT_SLICE_ROWS,
): Promise<CsvImportOutcome> {
  const contentHash = createHash("sha256").update(bytes).digest("hex");
  try {
    await assertImportable(db, definition.survey.id, contentHash);
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, problems: [fileProblem(error.reason)] };
    throw error;
  }
  const { text } = decodeCsvBytes(bytes);
  const questions = importQuestions(definition);
  const progress: ImportProgress = { read: 0, checked: 0, written: 0 };
  let reported = "";
  const report = async () => {
    const key = `${progress.read}/${progress.checked}/${progress.written}`;
    if (key === reported) return;
    reported = key;
    await onProgress?.({ ...progress });
  };

  // First pass: count, then check everything, keeping nothing but the problems.
  const problems: ImportError[] = [];
  let rowCount = 0;
  try {
    const records = csvRecords(text);
    const header = records.next();
    if (header.done) return { ok: false, problems: [fileProblem("empty_file")] };
    if (onProgress) for (const _record of records) progress.read += 1;
    await report();
    const reader = responseImportReader(questions, header.value.cells);
    problems.push(...reader.headerErrors);
    const checking = csvRecords(text);
    checking.next();
    for (const record of checking) {
      const { row, errors } = reader.read(record);
      problems.push(...errors);
      if (row) rowCount += 1;
      progress.checked += 1;
      if (progress.checked % PROGRESS_SLICE === 0) {
        await report();
        await yieldToEventLoop();
      }
    }
    problems.push(...reader.finish());
  } catch (error) {
    if (error instanceof UnclosedQuoteError) return { ok: false, problems: [fileProblem("unclosed_quote", error.line)] };
    throw error;
  }
  progress.read = progress.checked;
  await report();
  if (problems.length > 0) return { ok: false, problems: sortImportErrors(problems) };
  if (rowCount === 0) return { ok: false, problems: [fileProblem("no_rows", 2)] };

  // Second pass: the same records again, now known to be good, written a slice at a time.
  function* checkedSlices(): Generator<PendingResponse[]> {
    const records = csvRecords(text);
    const reader = responseImportReader(questions, records.next().value!.cells);
    let slice: PendingResponse[] = [];
    for (const record of records) {
      const { row } = reader.read(record);
      if (!row) continue;
      // Unanswered questions (null) are left out; a loop, as this runs once per row of the file.
      const answers: Record<string, Answer> = {};
      for (const code in row.answers) {
        const answer = row.answers[code];
        if (answer !== null && answer !== undefined) answers[code] = answer;
      }
      slice.push({ groups: row.groups, answers });
      if (slice.length === sliceRows) {
        yield slice;
        slice = [];
      }
    }
    yield slice;
  }
  try {
    const imported = await writeImport(db, definition, checkedSlices(), contentHash, actor, now, async (written) => {
      progress.written = written;
      if (written % PROGRESS_SLICE === 0 || written === rowCount) await report();
    });
    return { ok: true, imported };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, problems: [fileProblem(error.reason)] };
    throw error;
  }
}
