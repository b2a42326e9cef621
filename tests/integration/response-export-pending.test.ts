import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { rowRelease } from "~/models/disclosure.server";
import { responseExportRows } from "~/models/response-export.server";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { createTestDb } from "../support/db";

/**
 * The row-level export is k-anonymous over the rows it gives. An import still being written (a
 * pending batch) is not given, so it must not count towards k either: here it would lift two
 * combinations of two released rows each to five, the minimum.
 */
const db = await createTestDb();
const actor = { id: null, label: "test" };
await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "pending-k", fiscalYear: 2023 }, actor);
const definition = (await loadSurveyDefinition(db, "pending-k"))!;
const { survey } = definition;
const answers = Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, 3]));
const row = (department: string, age_band: string) => ({ groups: { department, job_level: "主事", age_band, employment_type: "常勤" }, answers });
const times = <T>(count: number, make: () => T) => Array.from({ length: count }, make);

// Each department and age band has 10 respondents (all named), but A×Y and B×X only 2 each.
await importResponses(
  db,
  definition,
  [...times(8, () => row("A部", "30歳～39歳")), ...times(2, () => row("A部", "40歳～49歳")), ...times(2, () => row("B部", "30歳～39歳")), ...times(8, () => row("B部", "40歳～49歳"))],
  actor,
);

const stamp = new Date().toISOString();
const pending = await db
  .insertInto("response_import_batches")
  .values({ survey_id: survey.id, content_sha256: "pending-file", state: "pending", owner_pid: process.pid, started_at: stamp, updated_at: stamp })
  .returning("id")
  .executeTakeFirstOrThrow();
await db
  .insertInto("survey_responses")
  .values(
    [...times(3, () => ["A部", "40歳～49歳"]), ...times(3, () => ["B部", "30歳～39歳"])].map(([department, age_band], index) => ({
      id: `ffff${String(index).padStart(28, "0")}`,
      survey_id: survey.id,
      submitted_on: "2024-01-15",
      source: "import" as const,
      import_batch_id: pending.id,
      department: department!,
      job_level: "主事",
      age_band: age_band!,
      employment_type: "常勤",
    })),
  )
  .execute();

describe("the row-level export while another import is being written", () => {
  it("gives only published rows, each combination of group columns shared by at least k of them", async () => {
    const release = await rowRelease(db, survey, definition.sections.flatMap((s) => s.questions.map((q) => q.id)));
    if (!release.shown) throw new Error("expected the rows to be released");
    const header = { dimensions: { department: "d", job_level: "j", age_band: "a", employment_type: "e" } };
    const rows = [];
    for await (const chunk of responseExportRows(db, definition, release, header, "ja")) rows.push(...chunk);
    rows.shift();
    expect(rows).toHaveLength(20);
    const sizes = new Map<string, number>();
    for (const cells of rows) {
      const key = JSON.stringify(cells.slice(0, 4));
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(survey.min_group_size);
  });
});
