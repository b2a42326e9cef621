import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest } from "#db/migrate";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { EncodedAnswersReader } from "~/domain/export/encoded-answers";
import type { Answers } from "~/domain/survey/answers";
import { importResponses, importResponsesFromCsv, submitResponse } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";
import { createTestDb } from "../support/db";
import { addQuestion, createStaff } from "../support/factories";

/**
 * Each response row carries a copy of its answers (encoded_answers) that the row-level export
 * reads instead of the answer rows. Whatever writes answers, the copy must say exactly what the
 * answer rows say: checked here after every writer of response_answers (web submissions, an
 * import from rows and from a file) and after the migration's backfill. Answer rows are deleted
 * only with their response row (a discarded import, a deleted survey), which takes the copy along;
 * questions, which would take their answers, can be deleted only while a survey has no responses.
 */
const db = await createTestDb();
const actor = { id: null, label: "test" };
const TEXTS = ['say "hi", then [1,2]}', "改行\nと\\バックスラッシュ", "絵文字 🙂 と \u0001 制御文字", "{}", "null", "-1,2"];

async function surveyWithEveryType(code: string) {
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code, fiscalYear: 2023 }, actor);
  const { id } = await db.selectFrom("surveys").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  await addQuestion(db, id, { code: "X01", type: "multiple_choice", text: "制度", options: ["一", "二", "三"], maxChoices: 3, required: false });
  await addQuestion(db, id, { code: "S01", type: "single_choice", text: "通勤", options: ["電車", "バス"], required: false });
  await addQuestion(db, id, { code: "F01", type: "free_text", text: "ご意見", required: false });
  return (await loadSurveyDefinition(db, code))!;
}

/** Varied answers: every type, several choices, awkward texts, questions left out. */
function answersFor(index: number): Answers {
  const answers: Record<string, Answers[string]> = {};
  shinagawaFy2023.questions.forEach((q, k) => {
    if ((index + k) % 5 !== 0) answers[q.code] = 1 + ((index + k) % 4);
  });
  if (index % 3 !== 0) answers.X01 = [[1], [1, 3], [1, 2, 3]][index % 3]!;
  if (index % 2 === 0) answers.S01 = 1 + (index % 2);
  if (index % 4 !== 3) answers.F01 = TEXTS[index % TEXTS.length]!;
  return answers;
}

type AnswerRow = { question_id: number; value: number; text_value: string | null };
const byRow = (a: AnswerRow, b: AnswerRow) => a.question_id - b.question_id || a.value - b.value;

/** Per response of the survey: its answer rows, as stored and as read back from the copy. */
async function storedAndEncoded(surveyId: number) {
  const responses = await db.selectFrom("survey_responses").select(["id", "encoded_answers"]).where("survey_id", "=", surveyId).execute();
  const rows = await db
    .selectFrom("response_answers")
    .innerJoin("survey_responses", "survey_responses.id", "response_answers.response_id")
    .select(["response_id", "question_id", "value", "text_value"])
    .where("survey_responses.survey_id", "=", surveyId)
    .execute();
  const reader = new EncodedAnswersReader();
  return responses.map((response) => {
    reader.read(response.encoded_answers);
    const decoded: AnswerRow[] = [];
    for (let i = 0; i < reader.length; i += 2) {
      const question_id = reader.pairs[i]!;
      decoded.push({ question_id, value: reader.pairs[i + 1]!, text_value: reader.texts[question_id] ?? null });
    }
    const stored = rows.filter((row) => row.response_id === response.id).map(({ question_id, value, text_value }) => ({ question_id, value, text_value }));
    return { stored: stored.sort(byRow), encoded: decoded.sort(byRow) };
  });
}

async function expectCopiesEqualAnswers(surveyId: number, responses: number) {
  const pairs = await storedAndEncoded(surveyId);
  expect(pairs).toHaveLength(responses);
  for (const { stored, encoded } of pairs) expect(encoded).toEqual(stored);
  // Not vacuous: some responses have choices and texts, one may have none at all.
  expect(pairs.some(({ stored }) => stored.some((row) => row.text_value !== null))).toBe(true);
}

describe("the encoded copy of a response's answers", () => {
  it("equals the answer rows after web submissions", async () => {
    const staff = [];
    for (let i = 0; i < 12; i++) staff.push(await createStaff(db));
    const definition = await surveyWithEveryType("encoded-web");
    await setSurveyStatus(db, "encoded-web", "open", actor);
    await Promise.all(staff.map((person, index) => submitResponse(db, definition, person.id, answersFor(index))));
    await expectCopiesEqualAnswers(definition.survey.id, staff.length);
  });

  it("equals the answer rows after an import, including a response without answers", async () => {
    const definition = await surveyWithEveryType("encoded-import");
    const groups = { department: "総務部", job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" };
    const rows = [...Array.from({ length: 30 }, (_, index) => ({ groups, answers: answersFor(index) })), { groups, answers: {} }];
    await importResponses(db, definition, rows, actor);
    await expectCopiesEqualAnswers(definition.survey.id, rows.length);
    const blank = await db.selectFrom("survey_responses").select("encoded_answers").where("survey_id", "=", definition.survey.id).where("encoded_answers", "is", null).execute();
    expect(blank).toHaveLength(1);
  });

  it("equals the answer rows after an import from a file", async () => {
    const definition = await surveyWithEveryType("encoded-file");
    const codes = definition.sections.flatMap((section) => section.questions.map((q) => q.code));
    const header = ["所属", "職層", "年代", "雇用形態", ...codes].join(",");
    const lines = Array.from({ length: 8 }, (_, index) => {
      const answers = answersFor(index);
      const cells = codes.map((code) => {
        const answer = answers[code];
        if (answer === undefined) return "";
        if (Array.isArray(answer)) return answer.join(";");
        return typeof answer === "string" ? `"${answer.replaceAll('"', '""')}"` : String(answer);
      });
      return ["総務部", "主事", "30歳～39歳", "常勤", ...cells].join(",");
    });
    const outcome = await importResponsesFromCsv(db, definition, new TextEncoder().encode([header, ...lines].join("\r\n")), actor);
    expect(outcome).toEqual({ ok: true, imported: lines.length });
    await expectCopiesEqualAnswers(definition.survey.id, lines.length);
  });

  it("is filled in by the migration for responses stored before it", async () => {
    const definition = await surveyWithEveryType("encoded-backfill");
    const groups = { department: "総務部", job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" };
    await importResponses(db, definition, [...Array.from({ length: 20 }, (_, index) => ({ groups, answers: answersFor(index) })), { groups, answers: {} }], actor);
    // Back to before the migration: no copies, and the migration not yet run.
    await sql`alter table survey_responses drop column encoded_answers`.execute(db);
    await sql`delete from kysely_migration where name = '2026-11-30-30-encoded-answers'`.execute(db);
    await migrateToLatest(db);
    await expectCopiesEqualAnswers(definition.survey.id, 21);
  });
});
