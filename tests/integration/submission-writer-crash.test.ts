import { afterAll, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { submitResponse } from "~/models/responses.server";
import { SubmissionWriterFailed, startSubmissionWriterThread } from "~/models/submission-writer-thread.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";
import { createTestDbFile } from "../support/db";
import { createStaff } from "../support/factories";
import { recountedTallies, storedTallies } from "../support/tallies";

const { db, file } = await createTestDbFile();
const actor = { id: null, label: "test" };
await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "crash-2026", fiscalYear: 2026 }, actor);
const [first, second] = [await createStaff(db), await createStaff(db)];
await setSurveyStatus(db, "crash-2026", "open", actor);
const definition = (await loadSurveyDefinition(db, "crash-2026"))!;
const sheet = Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, 3]));

const writer = startSubmissionWriterThread(db, {
  databasePath: file,
  allowOldSqlite: false,
  script: new URL("../support/submission-writer-crashing-once.mjs", import.meta.url),
});
afterAll(() => writer.stop());

const answered = async () =>
  (await db.selectFrom("survey_participation").select("staff_id").where("survey_id", "=", definition.survey.id).orderBy("staff_id").execute()).map(
    (row) => row.staff_id,
  );

it("fails the batch of a writer thread that dies, stores nothing of it, and writes later answers in a new thread", async () => {
  await expect(submitResponse(db, definition, first.id, sheet)).rejects.toBeInstanceOf(SubmissionWriterFailed);
  expect(await answered()).toEqual([]);

  // The person whose answer failed still has it in the browser and sends it again.
  await submitResponse(db, definition, second.id, sheet);
  await submitResponse(db, definition, first.id, sheet);
  expect(await answered()).toEqual([first.id, second.id].sort((a, b) => a - b));
  expect(await storedTallies(db, definition.survey.id)).toEqual(await recountedTallies(db, definition.survey.id));
});
