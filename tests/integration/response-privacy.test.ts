import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createDb } from "#db/connection";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { combinationKey, generalisedGroups, parseReportingDimensions } from "~/domain/survey/reporting-groups";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";
import { previewReportingGroups, rosterFacts } from "~/models/reporting-groups.server";
import { SubmissionRefused, submitResponse } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setReportingDimensions, setSurveyStatus } from "~/models/surveys.server";
import { createTestDbFile } from "../support/db";
import { createStaff } from "../support/factories";
import { recountedTallies, storedTallies } from "../support/tallies";

const { db, file, dir } = await createTestDbFile();

const actor = { id: null, label: "test" };
const QUESTION_CODES = shinagawaFy2023.questions.map((q) => q.code);
const sheet = (seed: number) => Object.fromEntries(QUESTION_CODES.map((code, q) => [code, 1 + ((seed * 3 + q) % 4)]));

const DEPARTMENTS = ["総務部/人事課/人事係", "総務部/経理課/経理係", "福祉部/福祉課/福祉係", "区民生活部/戸籍課/戸籍係"];
const LEVELS = ["staff", "senior_staff", "unit_chief", "section_chief", "director"];
const TYPES = ["regular", "reappointed", "fiscal_year"];

/** 60 staff spread so that most full combinations (部 × 職層 × 年代 × 雇用形態) are unique. */
async function seedRoster() {
  const staff = [];
  for (let i = 0; i < 60; i++) {
    staff.push(
      await createStaff(db, {
        departmentPath: DEPARTMENTS[i % DEPARTMENTS.length]!,
        jobLevel: LEVELS[(i * 7) % LEVELS.length]!,
        employmentType: i % 9 === 0 ? TYPES[(i / 9) % TYPES.length]! : "regular",
        birthYear: 1960 + ((i * 11) % 40),
      }),
    );
  }
  return staff;
}

/** The WAL's frames grouped by transaction: [end offset of each committed transaction]. */
function walTransactionEnds(wal: Buffer): { pageSize: number; ends: number[] } {
  if (wal.length < 32) return { pageSize: 0, ends: [] };
  const pageSize = wal.readUInt32BE(8);
  const ends: number[] = [];
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    if (wal.readUInt32BE(offset + 4) !== 0) ends.push(offset + 24 + pageSize);
  }
  return { pageSize, ends };
}

interface Copy {
  main: Buffer;
  wal: Buffer;
}

function copyFiles(): Copy {
  const read = (suffix: string) => (existsSync(file + suffix) ? readFileSync(file + suffix) : Buffer.alloc(0));
  return { main: read(""), wal: read("-wal") };
}

let stateCounter = 0;
/** The database as it stood after the first `end` bytes of the WAL: who had answered, and which responses existed. */
function stateAt(copy: Copy, end: number) {
  const stateDir = path.join(dir, `state-${stateCounter++}`);
  mkdirSync(stateDir);
  const stateFile = path.join(stateDir, "copy.sqlite");
  writeFileSync(stateFile, copy.main);
  if (end > 0) writeFileSync(`${stateFile}-wal`, copy.wal.subarray(0, end));
  const sqlite = new SQLite(stateFile);
  const participation = new Set((sqlite.prepare("select survey_id || ':' || staff_id as k from survey_participation").all() as { k: string }[]).map((r) => r.k));
  const responses = new Set((sqlite.prepare("select id from survey_responses").all() as { id: string }[]).map((r) => r.id));
  sqlite.close();
  rmSync(stateDir, { recursive: true, force: true });
  return { participation, responses };
}

/**
 * What someone holding one copy of the files can pair: replaying the WAL one committed
 * transaction at a time over the main file, a transaction that adds exactly one participation row
 * and one response ties that response to that person.
 */
function pairsIn(copy: Copy): number {
  const { ends } = walTransactionEnds(copy.wal);
  let pairs = 0;
  let before = stateAt(copy, 0);
  for (const end of ends) {
    const after = stateAt(copy, end);
    const newPeople = [...after.participation].filter((k) => !before.participation.has(k));
    const newResponses = [...after.responses].filter((id) => !before.responses.has(id));
    if (newPeople.length === 1 && newResponses.length === 1) pairs += 1;
    before = after;
  }
  return pairs;
}

describe("k-anonymous responses at rest", async () => {
  const roster = await seedRoster();
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "kanon", fiscalYear: 2024 }, actor);

  it("shows HR, before opening, how many staff sit in combinations smaller than k", async () => {
    const survey = (await loadSurveyDefinition(db, "kanon"))!.survey;
    const full = await previewReportingGroups(db, survey);
    expect(full.staff).toBe(60);
    expect(full.belowK).toBeGreaterThan(30);
    const coarse = await previewReportingGroups(db, survey, { department: "department", job_level: "band", age_band: null, employment_type: null });
    expect(coarse.belowK).toBeLessThan(full.belowK);
  });

  it("stores only groups that at least k staff of the roster at open share, and no staff-to-group map", async () => {
    await setReportingDimensions(db, "kanon", { department: "department", job_level: "level", age_band: "decade", employment_type: "type" }, actor);
    await setSurveyStatus(db, "kanon", "open", actor);
    const definition = (await loadSurveyDefinition(db, "kanon"))!;
    await Promise.all(roster.map((person, i) => submitResponse(db, definition, person.id, sheet(i))));

    const responses = await db.selectFrom("survey_responses").selectAll().where("survey_id", "=", definition.survey.id).execute();
    expect(responses).toHaveLength(60);
    // Recompute, as an attacker holding the roster would, which staff could have stored each combination.
    const stored = new Map(
      (await db.selectFrom("survey_reporting_groups").selectAll().where("survey_id", "=", definition.survey.id).execute()).map((row) => [row.combination, row]),
    );
    const dimensions = parseReportingDimensions(definition.survey.report_dimensions);
    const sharing = new Map<string, number>();
    for (const person of (await rosterFacts(db)).values()) {
      const row = stored.get(combinationKey(generalisedGroups(person, dimensions, 2024)))!;
      const key = combinationKey(row);
      sharing.set(key, (sharing.get(key) ?? 0) + 1);
    }
    for (const response of responses) expect(sharing.get(combinationKey(response))).toBeGreaterThanOrEqual(definition.survey.min_group_size);
    // Without the suppression most of these responses would have been unique.
    const uniqueBefore = [...(await rosterFacts(db)).values()].map((p) => combinationKey(generalisedGroups(p, dimensions, 2024)));
    expect(uniqueBefore.filter((key) => uniqueBefore.indexOf(key) === uniqueBefore.lastIndexOf(key)).length).toBeGreaterThan(15);

    const columns = Object.keys((await db.selectFrom("survey_reporting_groups").selectAll().executeTakeFirstOrThrow()) as object);
    expect(columns.sort()).toEqual(["age_band", "combination", "department", "employment_type", "job_level", "staff_count", "survey_id"]);
    for (const dimension of BREAKDOWN_DIMENSIONS) expect(responses.every((r) => r[dimension] !== null)).toBe(true);
  });

  it("gives someone who joined after opening a stored combination that fits them, never their own unique one", async () => {
    const definition = (await loadSurveyDefinition(db, "kanon"))!;
    const latecomer = await createStaff(db, { departmentPath: "区民生活部/戸籍課/戸籍係", jobLevel: "director", employmentType: "temporary", birthYear: 2001 });
    const existing = new Set((await db.selectFrom("survey_responses").select("id").where("survey_id", "=", definition.survey.id).execute()).map((r) => r.id));
    await submitResponse(db, definition, latecomer.id, sheet(5));
    const stored = await db.selectFrom("survey_responses").selectAll().where("survey_id", "=", definition.survey.id).execute();
    const mine = stored.find((r) => !existing.has(r.id))!;
    expect(mine.employment_type).toBe("非公表");
    const rows = await db.selectFrom("survey_reporting_groups").selectAll().where("survey_id", "=", definition.survey.id).execute();
    const sameAsStored = rows.filter((row) => combinationKey(row) === combinationKey(mine));
    if (sameAsStored.length > 0) expect(Math.min(...sameAsStored.map((row) => row.staff_count))).toBeGreaterThanOrEqual(definition.survey.min_group_size);
    else for (const dimension of BREAKDOWN_DIMENSIONS) expect(mine[dimension]).toBe("非公表");
  });

  it("keeps tallies equal to a recount after concurrent submissions, refusing a second one from the same person", async () => {
    const definition = (await loadSurveyDefinition(db, "kanon"))!;
    const again = await Promise.allSettled([submitResponse(db, definition, roster[0]!.id, sheet(1)), submitResponse(db, definition, roster[0]!.id, sheet(2))]);
    expect(again.map((r) => r.status === "rejected" && r.reason instanceof SubmissionRefused && r.reason.reason)).toEqual(["already_answered", "already_answered"]);
    expect(await storedTallies(db, definition.survey.id)).toEqual(await recountedTallies(db, definition.survey.id));
  });
});

describe("no pairing in the database files", () => {
  it("gives a copy of main, -wal and -shm taken during or after submissions no response–author pair", async () => {
    const people = [];
    for (let i = 0; i < 48; i++) people.push(await createStaff(db, { departmentPath: DEPARTMENTS[i % 2]! }));
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "files", fiscalYear: 2024 }, actor);
    await setSurveyStatus(db, "files", "open", actor);
    const definition = (await loadSurveyDefinition(db, "files"))!;
    const copies: Copy[] = [];
    let submitting = true;
    // A copier running alongside the server, as a backup job or an intruder would.
    const copier = (async () => {
      while (submitting) {
        copies.push(copyFiles());
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Bursts of several people at once, and people answering alone.
    for (let wave = 0; wave < 6; wave++) {
      const group = people.slice(wave * 8, wave * 8 + (wave % 2 ? 8 : 1));
      await Promise.all(group.map((person, i) => submitResponse(db, definition, person.id, sheet(wave + i))));
    }
    submitting = false;
    await copier;
    copies.push(copyFiles());

    expect(copies.length).toBeGreaterThan(5);
    for (const copy of copies) expect(pairsIn(copy)).toBe(0);
    // After the last submission the WAL is empty: nothing of it is left to replay.
    expect(statSync(`${file}-wal`).size).toBe(0);
  });

  it("folds a crash's leftover WAL into the main file when the database is opened", async () => {
    const definition = (await loadSurveyDefinition(db, "files"))!;
    // A writer that never checkpoints, then "crashes": its WAL holds one submission's transaction.
    const latecomer = await createStaff(db);
    const crashed = path.join(dir, "crashed.sqlite");
    copyFileSync(file, crashed);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${crashed}-wal`);
    const writer = new SQLite(crashed);
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0");
    writer.pragma("wal_checkpoint(TRUNCATE)");
    writer.exec("begin");
    writer.prepare("insert into survey_participation (survey_id, staff_id) values (?, ?)").run(definition.survey.id, latecomer.id);
    writer.prepare("insert into survey_responses (id, survey_id, submitted_on, source) values (?, ?, '2024-06-01', 'web')").run("e".repeat(32), definition.survey.id);
    writer.exec("commit");
    const leftover = { main: readFileSync(crashed), wal: readFileSync(`${crashed}-wal`) };
    expect(pairsIn(leftover)).toBe(1);
    // Simulate the crash: keep the files as they are and reopen them the way Yell does.
    const crashDir = path.join(dir, "after-crash");
    mkdirSync(crashDir);
    writeFileSync(path.join(crashDir, "db.sqlite"), leftover.main);
    writeFileSync(path.join(crashDir, "db.sqlite-wal"), leftover.wal);
    writer.close();
    const reopened = createDb(path.join(crashDir, "db.sqlite"));
    expect(statSync(path.join(crashDir, "db.sqlite-wal")).size).toBe(0);
    const row = await reopened.selectFrom("survey_responses").select("id").where("id", "=", "e".repeat(32)).executeTakeFirst();
    expect(row).toBeDefined();
    await reopened.destroy();
  });
});
