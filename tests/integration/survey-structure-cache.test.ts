import { describe, expect, it } from "vitest";
import { createDb } from "#db/connection";
import { loadSurveyDefinition, createSurveyFromTemplate } from "~/models/surveys.server";
import { createTestDbFile } from "../support/db";

const { db, file } = await createTestDbFile();
const CODE = "cache-2026";
await createSurveyFromTemplate(db, "shinagawa-fy2023", { code: CODE, fiscalYear: 2026 }, { id: null, label: "test" });
const load = async () => (await loadSurveyDefinition(db, CODE))!;
const firstQuestion = async () => (await load()).sections[0]!.questions[0]!;

/** Another process (the CLI) writing to the same file, behind the server's back. */
async function fromAnotherConnection(write: (other: ReturnType<typeof createDb>) => Promise<unknown>) {
  const other = createDb(file);
  try {
    await write(other);
  } finally {
    await other.destroy();
  }
}

describe("the survey structure kept in memory", () => {
  it("is read once and then served while nothing changes", async () => {
    const first = await load();
    const second = await load();
    expect(second.sections).toBe(first.sections);
    expect(second.survey).not.toBe(first.survey);
  });

  it("shows a change to any structure table made by another connection", async () => {
    const question = await firstQuestion();
    const survey = (await load()).survey;
    await fromAnotherConnection(async (other) => {
      await other.updateTable("survey_questions").set({ text_ja: "別の接続で変えた設問" }).where("id", "=", question.id).execute();
      await other.updateTable("question_kpis").set({ target_milli: 3500 }).where("question_id", "=", question.id).execute();
      await other.updateTable("survey_sections").set({ title_ja: "別の接続で変えた区分" }).where("survey_id", "=", survey.id).execute();
      await other.updateTable("survey_outcomes").set({ name_ja: "別の接続で変えた成果" }).where("survey_id", "=", survey.id).execute();
    });
    const after = await load();
    expect(after.sections[0]!.title_ja).toBe("別の接続で変えた区分");
    expect(after.sections[0]!.questions[0]!.text_ja).toBe("別の接続で変えた設問");
    expect(after.sections[0]!.questions[0]!.kpi?.targetMilli).toBe(3500);
    expect(after.outcomes.every((o) => o.name_ja === "別の接続で変えた成果")).toBe(true);
  });

  it("shows options added and removed", async () => {
    const question = await firstQuestion();
    await db.updateTable("survey_questions").set({ type: "single_choice" }).where("id", "=", question.id).execute();
    await db.insertInto("question_options").values({ question_id: question.id, value: 1, label_ja: "はい", label_en: "Yes" }).execute();
    expect((await firstQuestion()).options.map((o) => o.label_ja)).toEqual(["はい"]);
    await db.deleteFrom("question_options").where("question_id", "=", question.id).execute();
    expect((await firstQuestion()).options).toEqual([]);
  });

  it("cannot be changed by the code that reads it, since every request shares it", async () => {
    const definition = await load();
    expect(() => definition.sections[0]!.questions.pop()).toThrow(TypeError);
    expect(() => {
      definition.sections[0]!.questions[0]!.text_ja = "書き換え";
    }).toThrow(TypeError);
  });
});
