import { existsSync, statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { SubmissionRefused, submitResponse } from "~/models/responses.server";
import { SubmissionWriterFailed, startSubmissionWriterThread } from "~/models/submission-writer-thread.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";
import { createTestDbFile } from "../support/db";
import { createStaff } from "../support/factories";
import { recountedTallies, storedTallies } from "../support/tallies";

const { db, file } = await createTestDbFile();
const actor = { id: null, label: "test" };
const CODE = "writer-2026";
await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: CODE, fiscalYear: 2026 }, actor);
const staff: Awaited<ReturnType<typeof createStaff>>[] = [];
for (let i = 0; i < 40; i++) staff.push(await createStaff(db, { departmentPath: i % 2 ? "総務部/人事課/人事係" : "福祉部/福祉課/福祉係" }));
await setSurveyStatus(db, CODE, "open", actor);
const definition = (await loadSurveyDefinition(db, CODE))!;
const sheet = (seed: number) => Object.fromEntries(shinagawaFy2023.questions.map((q, i) => [q.code, 1 + ((seed + i) % 4)]));

// The TypeScript entry, run by tsx in the thread as the built one runs under plain node.
const writer = startSubmissionWriterThread(db, {
  databasePath: file,
  allowOldSqlite: false,
  script: new URL("../support/submission-writer-under-tsx.mjs", import.meta.url),
});
afterAll(() => writer.stop());

const walBytes = () => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

describe("survey answers committed by the writer thread", () => {
  it("stores every concurrent submission, truncates the WAL before answering, and keeps the tallies exact", async () => {
    const walAtAcknowledgement: number[] = [];
    await Promise.all(
      staff.slice(0, 30).map((person, i) => submitResponse(db, definition, person.id, sheet(i)).then(() => walAtAcknowledgement.push(walBytes()))),
    );
    expect(walAtAcknowledgement).toHaveLength(30);
    expect(walAtAcknowledgement.every((bytes) => bytes === 0)).toBe(true);
    const participation = await db.selectFrom("survey_participation").select("staff_id").where("survey_id", "=", definition.survey.id).execute();
    expect(participation).toHaveLength(30);
    expect(await storedTallies(db, definition.survey.id)).toEqual(await recountedTallies(db, definition.survey.id));
  });

  it("hands refusals back across the thread: a second answer, and answers to a survey not open", async () => {
    const [first, second] = [staff[30]!, staff[31]!];
    const twice = await Promise.allSettled([submitResponse(db, definition, first.id, sheet(1)), submitResponse(db, definition, first.id, sheet(2))]);
    expect(twice.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refusal = twice.find((outcome) => outcome.status === "rejected")?.reason as unknown;
    expect(refusal).toBeInstanceOf(SubmissionRefused);
    expect((refusal as SubmissionRefused).reason).toBe("already_answered");

    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "writer-draft", fiscalYear: 2027 }, actor);
    const draft = (await loadSurveyDefinition(db, "writer-draft"))!;
    await expect(submitResponse(db, draft, second.id, sheet(3))).rejects.toMatchObject({ reason: "not_open" });
  });

  it("fails a batch the thread could not write with an error, and writes the next one", async () => {
    await expect(submitResponse(db, definition, staff[32]!.id, { NOT_A_QUESTION: 3 })).rejects.toBeInstanceOf(SubmissionWriterFailed);
    await submitResponse(db, definition, staff[33]!.id, sheet(4));
    const stored = await db.selectFrom("survey_participation").select("staff_id").where("staff_id", "in", [staff[32]!.id, staff[33]!.id]).execute();
    expect(stored.map((row) => row.staff_id)).toEqual([staff[33]!.id]);
  });

  it("once stopped, leaves batches to the submitting thread", async () => {
    await writer.stop();
    await submitResponse(db, definition, staff[34]!.id, sheet(5));
    expect(await db.selectFrom("survey_participation").select("staff_id").where("staff_id", "=", staff[34]!.id).executeTakeFirst()).toBeDefined();
    expect(walBytes()).toBe(0);
  });
});
