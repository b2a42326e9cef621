import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";
import { rowRelease } from "~/models/disclosure.server";
import { responseExportRows } from "~/models/response-export.server";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { createTestDb } from "../support/db";
import { addQuestion } from "../support/factories";

/**
 * How the answers read back from SQLite become cells, whatever a text holds and in whatever order
 * the database hands the choices over: the export reads each response's answers as one encoded
 * text, and these are the cases such an encoding gets wrong.
 */
const db = await createTestDb();
const actor = { id: null, label: "test" };
await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "cells", fiscalYear: 2023 }, actor);
const survey = await db.selectFrom("surveys").selectAll().where("code", "=", "cells").executeTakeFirstOrThrow();
await addQuestion(db, survey.id, { code: "X01", type: "multiple_choice", text: "制度", options: [["一", "one"], ["二", "two"], ["三", "three"]], maxChoices: 3, required: false });
await addQuestion(db, survey.id, { code: "F01", type: "free_text", text: "ご意見", required: false });
const definition = (await loadSurveyDefinition(db, "cells"))!;

const TEXTS = ['say "hi", then [1,2]}', "改行\nと\\バックスラッシュ", "絵文字 🙂 と \u0001 制御文字", "{}", "null"];
const ratings = Object.fromEntries(shinagawaFy2023.questions.map((q, index) => [q.code, 1 + (index % 4)]));
await importResponses(
  db,
  definition,
  [
    ...TEXTS.map((text, index) => ({
      groups: { department: "総務部", job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" },
      answers: { ...ratings, X01: index === 0 ? [3, 1, 2] : [2], F01: text },
    })),
    // Someone who left every question blank still is a row, with every answer cell empty.
    { groups: { department: "総務部", job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" }, answers: {} },
  ],
  actor,
);

async function exportedRows() {
  const release = await rowRelease(db, survey, definition.sections.flatMap((s) => s.questions.map((q) => q.id)));
  if (!release.shown) throw new Error("expected the rows to be released");
  const header = { dimensions: { department: "d", job_level: "j", age_band: "a", employment_type: "e" } };
  const rows = [];
  for await (const chunk of responseExportRows(db, definition, release, header, "ja", 4)) rows.push(...chunk);
  return rows;
}

describe("the cells of the response export", () => {
  it("gives every text as written, choices in option order by label, ratings as numbers, and blanks for a response without answers", async () => {
    const [header, ...rows] = await exportedRows();
    expect(rows).toHaveLength(TEXTS.length + 1);
    const column = (code: string) => header!.indexOf(code);
    // Compared as JSON, so that null and the text "null" stay apart when sorted.
    const sorted = (cells: unknown[]) => cells.map((cell) => JSON.stringify(cell)).sort();
    expect(sorted(rows.map((row) => row[column("F01")]))).toEqual(sorted([...TEXTS, null]));
    expect(sorted(rows.map((row) => row[column("X01")]))).toEqual(sorted(["一;二;三", "二", "二", "二", "二", null]));
    const blank = rows.find((row) => row[column("F01")] === null)!;
    expect(blank.slice(4).every((cell) => cell === null)).toBe(true);
    for (const row of rows.filter((r) => r !== blank)) {
      expect(shinagawaFy2023.questions.map((q) => row[column(q.code)])).toEqual(shinagawaFy2023.questions.map((q) => ratings[q.code]));
    }
  });
});

describe("the group columns of the response export", () => {
  it("are, row by row, what the release plan gives for the row's stored groups", async () => {
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "cells-groups", fiscalYear: 2023 }, actor);
    const groupsSurvey = await db.selectFrom("surveys").selectAll().where("code", "=", "cells-groups").executeTakeFirstOrThrow();
    const groupsDefinition = (await loadSurveyDefinition(db, "cells-groups"))!;
    // Every dimension varies on its own; a few rows sit in groups too small to be named.
    const pick = <T,>(values: readonly T[], index: number) => values[index % values.length]!;
    await importResponses(
      db,
      groupsDefinition,
      Array.from({ length: 240 }, (_, index) => ({
        groups: {
          department: pick(["総務部", "企画部"], index),
          job_level: pick(["主事", "主任"], Math.floor(index / 2)),
          age_band: index % 37 === 0 ? "60歳以上" : pick(["29歳以下", "30歳～39歳"], Math.floor(index / 4)),
          employment_type: index % 11 === 0 ? null : pick(["常勤", "会計年度任用"], Math.floor(index / 8)),
        },
        answers: { Q01: 1 + (index % 4) },
      })),
      actor,
    );
    const release = await rowRelease(db, groupsSurvey, groupsDefinition.sections.flatMap((s) => s.questions.map((q) => q.id)));
    if (!release.shown) throw new Error("expected the rows to be released");
    const header = { dimensions: { department: "d", job_level: "j", age_band: "a", employment_type: "e" } };
    const exported = [];
    for await (const chunk of responseExportRows(db, groupsDefinition, release, header, "ja", 7)) exported.push(...chunk);
    const stored = await db.selectFrom("survey_responses").selectAll().where("survey_id", "=", groupsSurvey.id).orderBy("id").execute();
    const planned = stored.map((row) => {
      const groups = release.groupsOf(row);
      return BREAKDOWN_DIMENSIONS.map((dimension) => groups[dimension]);
    });
    expect(exported.slice(1).map((row) => row.slice(0, 4))).toEqual(planned);
    // Not vacuous: every column shows more than one value (so a row given another combination's
    // groups would show), and the plan blanks some rows' groups.
    for (let column = 0; column < 4; column++) expect(new Set(planned.map((groups) => groups[column])).size, `column ${column}`).toBeGreaterThan(1);
    const storedValues = stored.map((row) => BREAKDOWN_DIMENSIONS.map((dimension) => row[dimension]));
    expect(planned.some((groups, index) => groups.some((value, column) => value !== storedValues[index]![column]))).toBe(true);
  });
});
