import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import {
  type ImportProgress,
  discardAbandonedImports,
  importResponsesFromCsv,
  isPublishedResponse,
  submitResponse,
} from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";
import { createTestDbFile } from "../support/db";
import { createStaff } from "../support/factories";
import { groupedCsv } from "../support/survey-files";
import { recountedTallies, storedTallies } from "../support/tallies";

const { db, file, dir } = await createTestDbFile();

const actor = { id: null, label: "test" };
const QUESTION_CODES = shinagawaFy2023.questions.map((q) => q.code);
const encode = (text: string) => new TextEncoder().encode(text);

async function draft(code: string) {
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code, fiscalYear: 2023 }, actor);
  return (await loadSurveyDefinition(db, code))!;
}

async function responseCount(surveyId: number) {
  const row = await db.selectFrom("survey_responses").select((eb) => eb.fn.countAll<number>().as("n")).where("survey_id", "=", surveyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function publishedCount(surveyId: number) {
  const row = await db
    .selectFrom("survey_responses")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("survey_id", "=", surveyId)
    .where(isPublishedResponse)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows of answers 1–4 in turn, in two departments. */
function answersCsv(rows: number): string {
  const lines = [["所属", ...QUESTION_CODES].join(",")];
  for (let i = 0; i < rows; i++) lines.push([i % 2 ? "総務部" : "福祉部", ...QUESTION_CODES.map((_, q) => String(1 + ((i + q) % 4)))].join(","));
  return `${lines.join("\r\n")}\r\n`;
}

describe("answer import guards", () => {
  it("refuses a file whose last row is cut short, naming the line, and stores nothing", async () => {
    const definition = await draft("cut-short");
    const complete = answersCsv(20);
    const cut = complete.slice(0, complete.lastIndexOf(",", complete.length - 10));
    const outcome = await importResponsesFromCsv(db, definition, encode(cut), actor);
    expect(outcome).toMatchObject({ ok: false, problems: [{ line: 21, code: "short_row" }] });
    expect(await responseCount(definition.survey.id)).toBe(0);
  });

  it("refuses a bad value in the last row and changes nothing: no rows, no tallies, no batch", async () => {
    const definition = await draft("bad-last-row");
    const text = `${answersCsv(3000)}総務部,${QUESTION_CODES.map(() => "5").join(",")}\r\n`;
    const outcome = await importResponsesFromCsv(db, definition, encode(text), actor, new Date(), undefined, 500);
    expect(outcome.ok).toBe(false);
    expect(await responseCount(definition.survey.id)).toBe(0);
    const tallies = await db.selectFrom("respondent_tallies").select("count").where("survey_id", "=", definition.survey.id).execute();
    expect(tallies).toEqual([]);
    expect(await db.selectFrom("response_import_batches").select("id").where("survey_id", "=", definition.survey.id).execute()).toEqual([]);
  });

  it("refuses the same file a second time, in the survey it went into", async () => {
    const definition = await draft("twice");
    const bytes = encode(groupedCsv({ 総務部: 6 }));
    expect(await importResponsesFromCsv(db, definition, bytes, actor)).toEqual({ ok: true, imported: 6 });
    expect(await importResponsesFromCsv(db, definition, bytes, actor)).toMatchObject({ ok: false, problems: [{ code: "already_imported" }] });
    expect(await responseCount(definition.survey.id)).toBe(6);
    // The same content is welcome in another survey.
    const other = await draft("twice-other");
    expect(await importResponsesFromCsv(db, other, bytes, actor)).toEqual({ ok: true, imported: 6 });
  });

  it("imports answers only into a survey never opened to staff", async () => {
    const definition = await draft("was-open");
    await setSurveyStatus(db, "was-open", "open", actor);
    const open = (await loadSurveyDefinition(db, "was-open"))!;
    expect(await importResponsesFromCsv(db, open, encode(groupedCsv({ 総務部: 6 })), actor)).toMatchObject({
      ok: false,
      problems: [{ code: "survey_opened" }],
    });
    await setSurveyStatus(db, "was-open", "closed", actor);
    const closed = (await loadSurveyDefinition(db, "was-open"))!;
    expect(await importResponsesFromCsv(db, closed, encode(groupedCsv({ 総務部: 6 })), actor)).toMatchObject({
      ok: false,
      problems: [{ code: "survey_opened" }],
    });
    expect(await responseCount(definition.survey.id)).toBe(0);
  });

  it("calls a file with headings and no answer rows an error, and an empty file too", async () => {
    const definition = await draft("header-only");
    expect(await importResponsesFromCsv(db, definition, encode(`所属,${QUESTION_CODES.join(",")}\r\n`), actor)).toMatchObject({
      ok: false,
      problems: [{ code: "no_rows" }],
    });
    expect(await importResponsesFromCsv(db, definition, encode(""), actor)).toMatchObject({ ok: false, problems: [{ code: "empty_file" }] });
  });
});

describe("importing in slices", () => {
  it("reports progress, publishes the rows at once and adds tallies equal to a recount", async () => {
    const definition = await draft("sliced");
    const progress: ImportProgress[] = [];
    const seenWhileWriting: Promise<{ stored: number; readable: number }>[] = [];
    const outcome = await importResponsesFromCsv(db, definition, encode(answersCsv(10_000)), actor, new Date(), (p) => {
      progress.push(p);
      // Runs before the next slice: what a reader of the survey would see half-way.
      if (p.written === 5000) seenWhileWriting.push(Promise.all([responseCount(definition.survey.id), publishedCount(definition.survey.id)]).then(([stored, readable]) => ({ stored, readable })));
    }, 1000);
    expect(outcome).toEqual({ ok: true, imported: 10_000 });
    expect(progress).toEqual([
      { read: 10_000, checked: 0, written: 0 },
      { read: 10_000, checked: 5000, written: 0 },
      { read: 10_000, checked: 10_000, written: 0 },
      { read: 10_000, checked: 10_000, written: 5000 },
      { read: 10_000, checked: 10_000, written: 10_000 },
    ]);
    expect(await Promise.all(seenWhileWriting)).toEqual([{ stored: 5000, readable: 0 }]);
    expect(await publishedCount(definition.survey.id)).toBe(10_000);
    expect(await storedTallies(db, definition.survey.id)).toEqual(await recountedTallies(db, definition.survey.id));
  });

  it("writes slices without foreign key checks, yet a question deleted half-way leaves nothing behind", async () => {
    const definition = await draft("question-deleted");
    const deleted = definition.sections[0]!.questions[0]!;
    const outcome = importResponsesFromCsv(db, definition, encode(answersCsv(10_000)), actor, new Date(), async (p) => {
      if (p.written === 5000) await db.deleteFrom("survey_questions").where("id", "=", deleted.id).execute();
    }, 1000);
    await expect(outcome).rejects.toThrow(/FOREIGN KEY/);
    expect(await responseCount(definition.survey.id)).toBe(0);
    const orphans = await db.selectFrom("response_answers").select("response_id").where("question_id", "=", deleted.id).execute();
    expect(orphans).toEqual([]);
    expect(await db.selectFrom("response_import_batches").selectAll().where("survey_id", "=", definition.survey.id).execute()).toEqual([]);
    // The connection checks foreign keys again once the import is over.
    const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(rows).toEqual([{ foreign_keys: 1 }]);
    await expect(db.insertInto("response_answers").values({ response_id: "nobody", question_id: deleted.id, value: 1, text_value: null }).execute()).rejects.toThrow(/FOREIGN KEY/);
  });

  it("keeps a pending batch's rows out of reach and removes them once the batch is abandoned", async () => {
    const definition = await draft("abandoned");
    const stamp = new Date().toISOString();
    // What a crash mid-import leaves behind: a pending batch of a process that no longer runs.
    const { id } = await db
      .insertInto("response_import_batches")
      .values({ survey_id: definition.survey.id, content_sha256: "x", state: "pending", owner_pid: 2 ** 30, started_at: stamp, updated_at: stamp })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("survey_responses")
      .values({ id: "f".repeat(32), survey_id: definition.survey.id, submitted_on: "2024-03-31", source: "import", department: null, job_level: null, age_band: null, employment_type: null, import_batch_id: id })
      .execute();
    expect(await discardAbandonedImports(db)).toBe(1);
    expect(await responseCount(definition.survey.id)).toBe(0);
  });
});

describe("writes during an import by another process", () => {
  it("stores every web submission made while the CLI imports, and the tallies add up", async () => {
    const imported = await draft("cli-import");
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "web-open", fiscalYear: 2024 }, actor);
    const staff = [];
    for (let i = 0; i < 40; i++) staff.push(await createStaff(db, { departmentPath: i % 2 ? "総務部/人事課/人事係" : "福祉部/福祉課/福祉係" }));
    await setSurveyStatus(db, "web-open", "open", actor);
    const open = (await loadSurveyDefinition(db, "web-open"))!;
    const csv = path.join(dir, "answers.csv");
    writeFileSync(csv, answersCsv(60_000));

    const child = spawn(process.execPath, ["--import", "tsx", "app/cli.ts", "import-responses", "--survey", "cli-import", "--file", csv], {
      env: { ...process.env, DATABASE_PATH: file, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

    // Wait until the import is writing, then answer while it does.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const pending = await db.selectFrom("response_import_batches").select("id").where("state", "=", "pending").executeTakeFirst();
      if (pending) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const results = await Promise.allSettled(
      staff.map((person, i) => submitResponse(db, open, person.id, Object.fromEntries(QUESTION_CODES.map((code, q) => [code, 1 + ((i + q) % 4)])))),
    );
    const stillImporting = await db.selectFrom("response_import_batches").select("id").where("state", "=", "pending").executeTakeFirst();
    expect(await exited).toBe(0);
    expect(stderr).toBe("");

    expect(stillImporting).toBeDefined();
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await responseCount(open.survey.id)).toBe(40);
    expect(await responseCount(imported.survey.id)).toBe(60_000);
    expect(await storedTallies(db, open.survey.id)).toEqual(await recountedTallies(db, open.survey.id));
    expect(await storedTallies(db, imported.survey.id)).toEqual(await recountedTallies(db, imported.survey.id));
  }, 120_000);
});
