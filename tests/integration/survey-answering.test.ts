import { describe, expect, it } from "vitest";
import { ja } from "~/i18n/ja";
import { answeringState } from "~/models/responses.server";
import { createSurveyFromTemplate, setSurveyStatus } from "~/models/surveys.server";
import { action, loader, shouldRevalidate } from "~/routes/surveys.$code";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

// The page's data carries problems and refusals worded (the browser holds none of these texts).
const REQUIRED = ja.surveyNotices.problems.required;
const notice = (status: string, [heading, body]: [string, string]) => ({ status, heading, body });
const ALREADY_ANSWERED = notice("answered", [ja.surveyNotices.alreadyAnsweredTitle, ja.surveyNotices.alreadyAnsweredBody]);
const CLOSED = notice("closed", [ja.surveyNotices.closedTitle, ja.surveyNotices.closedBody]);

const db = await createTestDb();
useDatabaseForApp(db);
const actor = { id: null, label: "test" };

const QUESTION_CODES = Array.from({ length: 15 }, (_, i) => `Q${String(i + 1).padStart(2, "0")}`);
const SECTION_CODES = [QUESTION_CODES.slice(0, 5), QUESTION_CODES.slice(5, 10), QUESTION_CODES.slice(10, 15)];

async function openSurvey(code: string) {
  const survey = await createSurveyFromTemplate(db, "shinagawa-fy2023", { code, fiscalYear: 2024 }, actor);
  await setSurveyStatus(db, code, "open", actor);
  return survey;
}

function stepForm(intent: "next" | "back" | "submit", step: number, answers: Record<string, string | string[]>) {
  const form = new FormData();
  form.set("intent", intent);
  form.set("step", String(step));
  for (const [code, value] of Object.entries(answers)) {
    for (const single of Array.isArray(value) ? value : [value]) form.append(code, single);
  }
  return form;
}

/** Every question answered "3" (まあそう思う). */
const allAnswered: Record<string, string> = Object.fromEntries(QUESTION_CODES.map((code) => [code, "3"]));

async function post(staffId: number, code: string, form: FormData) {
  const request = await requestAs(db, staffId, `/surveys/${code}`, { method: "POST", body: form });
  return responseOf(() => action({ request, params: { code }, context: {} }));
}

async function load(staffId: number | null, code: string, search = "") {
  const request = await requestAs(db, staffId, `/surveys/${code}${search}`);
  return responseOf(() => loader({ request, params: { code }, context: {} }));
}

async function countsFor(surveyId: number) {
  const [responses, participation] = await Promise.all([
    db.selectFrom("survey_responses").select((eb) => eb.fn.countAll<number>().as("n")).where("survey_id", "=", surveyId).executeTakeFirstOrThrow(),
    db.selectFrom("survey_participation").select((eb) => eb.fn.countAll<number>().as("n")).where("survey_id", "=", surveyId).executeTakeFirstOrThrow(),
  ]);
  return { responses: Number(responses.n), participation: Number(participation.n) };
}

describe("answering a survey", async () => {
  const survey = await openSurvey("answer-2024");
  const staff = await createStaff(db, { employeeNumber: "S10001", name: "回答\u3000花子" });

  it("sends anonymous visitors, posts included, to sign in and back to the survey page", async () => {
    const request = await requestAs(db, null, "/surveys/answer-2024", { method: "POST", body: stepForm("next", 1, allAnswered) });
    const refused = await responseOf(() => action({ request, params: { code: "answer-2024" }, context: {} }));
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toBe("/login?redirectTo=%2Fsurveys%2Fanswer-2024");
  });

  it("offers the sections for the person's employment type, without KPI details", async () => {
    const response = await load(staff.id, "answer-2024");
    const data = (await response.json()) as { state: string; sections: { questions: Record<string, unknown>[] }[] };
    expect(data.state).toBe("open");
    expect(data.sections.map((s) => s.questions.map((q) => q.code))).toEqual(SECTION_CODES);
    expect(data.sections[0]?.questions[0]).not.toHaveProperty("kpi");
  });

  it("words the page itself, so the browser loads no dictionary area for it", async () => {
    const data = (await (await load(staff.id, "answer-2024")).json()) as {
      words: { title: string; steps: string[]; next: string };
      anonymity: { heading: string; notes: string[] };
    };
    expect(data.words).toMatchObject({ title: "アンケートへの回答 | Yell", next: ja.survey.next });
    expect(data.words.steps).toEqual(["はじめに", "セクション 1 / 3", "セクション 2 / 3", "セクション 3 / 3", "回答内容の確認"]);
    expect(data.anonymity.heading).toBe(ja.surveyNotices.anonymityHeading);
    expect(data.anonymity.notes[0]).toBe(ja.surveyNotices.anonymityGroups(5));
  });

  it("is not loaded again after a step's answer, but is after a refusal", () => {
    const revalidate = (actionResult: unknown) =>
      shouldRevalidate({ actionResult, defaultShouldRevalidate: true } as Parameters<typeof shouldRevalidate>[0]);
    expect(revalidate({ step: 2, answers: {}, problems: {} })).toBe(false);
    expect(revalidate({ refused: ALREADY_ANSWERED })).toBe(true);
    expect(revalidate(undefined)).toBe(true);
  });

  it("refuses 'next' with a required answer missing (400), naming the question, and writes nothing", async () => {
    const partial = Object.fromEntries(SECTION_CODES[0]!.slice(0, 4).map((code) => [code, "4"]));
    const response = await post(staff.id, "answer-2024", stepForm("next", 1, partial));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ step: 1, answers: Object.fromEntries(Object.entries(partial).map(([c, v]) => [c, [v]])), problems: { Q05: REQUIRED } });
    expect(await countsFor(survey.id)).toEqual({ responses: 0, participation: 0 });
  });

  it("checks only the section being left: later sections may still be empty", async () => {
    const first = Object.fromEntries(SECTION_CODES[0]!.map((code) => [code, "2"]));
    const response = await post(staff.id, "answer-2024", stepForm("next", 1, first));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ step: 2, problems: {}, answers: { Q01: ["2"], Q05: ["2"] } });
  });

  it("goes back without checking, carrying every answer", async () => {
    const response = await post(staff.id, "answer-2024", stepForm("back", 2, { Q01: "1", Q06: "4" }));
    expect(await response.json()).toEqual({ step: 1, problems: {}, answers: { Q01: ["1"], Q06: ["4"] } });
  });

  it("refuses a submit with unanswered questions and points at the first section concerned", async () => {
    const { Q07: _missing, ...withoutQ07 } = allAnswered;
    const response = await post(staff.id, "answer-2024", stepForm("submit", 4, withoutQ07));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ step: 2, problems: { Q07: REQUIRED } });
    expect(await countsFor(survey.id)).toEqual({ responses: 0, participation: 0 });
  });

  it("stores one anonymous response and one participation on submit, then thanks the person", async () => {
    const response = await post(staff.id, "answer-2024", stepForm("submit", 4, allAnswered));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/surveys/answer-2024?done=1");
    expect(await countsFor(survey.id)).toEqual({ responses: 1, participation: 1 });

    const row = await db.selectFrom("survey_responses").selectAll().where("survey_id", "=", survey.id).executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(["age_band", "department", "employment_type", "encoded_answers", "id", "import_batch_id", "job_level", "source", "submitted_on", "survey_id"]);
    expect(row.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(row)).not.toContain(staff.name);
    expect(JSON.stringify(row)).not.toContain(staff.employee_number);
    expect(row.id).toMatch(/^[0-9a-f]{32}$/);
    const answers = await db.selectFrom("response_answers").select(["value"]).where("response_id", "=", row.id).execute();
    expect(answers.map((a) => a.value)).toEqual(QUESTION_CODES.map(() => 3));

    const thanks = await (await load(staff.id, "answer-2024", "?done=1")).json();
    expect(thanks).toMatchObject({ state: "thanks", notice: { heading: ja.surveyNotices.thanksTitle } });
  });

  it("refuses a second submission politely (409) and keeps the one response", async () => {
    const response = await post(staff.id, "answer-2024", stepForm("submit", 4, allAnswered));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ refused: ALREADY_ANSWERED });
    expect(await countsFor(survey.id)).toEqual({ responses: 1, participation: 1 });
    expect(await (await load(staff.id, "answer-2024")).json()).toMatchObject({ state: "answered" });
  });

  it("tells the page in one statement whether the person has answered and which questions they get", async () => {
    const newcomer = await createStaff(db, { employeeNumber: "S10003", employmentType: "fiscal_year" });
    expect(await answeringState(db, survey.id, staff.id)).toEqual({ answered: true, employmentType: "regular" });
    expect(await answeringState(db, survey.id, newcomer.id)).toEqual({ answered: false, employmentType: "fiscal_year" });
    await db.updateTable("staff").set({ active: 0 }).where("id", "=", newcomer.id).execute();
    expect(await answeringState(db, survey.id, newcomer.id)).toEqual({ answered: false, employmentType: null });
  });

  it("accepts exactly one of two submissions sent at once", async () => {
    const other = await createStaff(db);
    const responses = await Promise.all([
      post(other.id, "answer-2024", stepForm("submit", 4, allAnswered)),
      post(other.id, "answer-2024", stepForm("submit", 4, allAnswered)),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await countsFor(survey.id)).toEqual({ responses: 2, participation: 2 });
  });
});

describe("surveys that cannot be answered", async () => {
  const staff = await createStaff(db);

  it("answers 404 for an unknown survey and for a draft", async () => {
    await createSurveyFromTemplate(db, "shinagawa-fy2023", { code: "draft-2024", fiscalYear: 2024 }, actor);
    const unknown = await load(staff.id, "no-such-survey");
    expect(unknown.status).toBe(404);
    // The error page links back to the list in words its browser code does not carry.
    expect(await unknown.json()).toEqual({ backToList: ja.survey.backToList });
    expect((await load(staff.id, "draft-2024")).status).toBe(404);
    expect((await post(staff.id, "draft-2024", stepForm("submit", 4, allAnswered))).status).toBe(404);
  });

  it("shows a closed survey as closed and accepts nothing for it", async () => {
    const closed = await openSurvey("closed-2024");
    await setSurveyStatus(db, "closed-2024", "closed", actor);
    expect(await (await load(staff.id, "closed-2024")).json()).toMatchObject({ state: "closed" });
    for (const intent of ["next", "submit"] as const) {
      const response = await post(staff.id, "closed-2024", stepForm(intent, intent === "next" ? 1 : 4, allAnswered));
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ refused: CLOSED });
    }
    expect(await countsFor(closed.id)).toEqual({ responses: 0, participation: 0 });
  });
});

describe("questions a person is not shown", async () => {
  const survey = await openSurvey("shown-2024");
  const questionId = async (code: string) =>
    (await db.selectFrom("survey_questions").select("id").where("survey_id", "=", survey.id).where("code", "=", code).executeTakeFirstOrThrow()).id;
  // Q05 only for fiscal-year appointees; Q10 only as a follow-up to disagreeing with Q09.
  await db.updateTable("survey_questions").set({ eligible_employment_types: JSON.stringify(["fiscal_year"]) }).where("id", "=", await questionId("Q05")).execute();
  await db
    .updateTable("survey_questions")
    .set({ show_if_question_id: await questionId("Q09"), show_if_values: JSON.stringify([1]) })
    .where("id", "=", await questionId("Q10"))
    .execute();
  const regular = await createStaff(db, { employmentType: "regular" });

  it("leaves them out of the form", async () => {
    const data = (await (await load(regular.id, "shown-2024")).json()) as { sections: { questions: { code: string }[] }[] };
    expect(data.sections.flatMap((s) => s.questions.map((q) => q.code))).not.toContain("Q05");
  });

  it("does not require them and never stores answers posted for them", async () => {
    const answers = { ...allAnswered, Q09: "4" };
    const response = await post(regular.id, "shown-2024", stepForm("submit", 4, answers));
    expect(response.status).toBe(302);
    const stored = await db
      .selectFrom("response_answers")
      .innerJoin("survey_responses", "survey_responses.id", "response_answers.response_id")
      .innerJoin("survey_questions", "survey_questions.id", "response_answers.question_id")
      .select("survey_questions.code")
      .where("survey_responses.survey_id", "=", survey.id)
      .execute();
    const codes = stored.map((r) => r.code);
    expect(codes).toHaveLength(13);
    expect(codes).not.toContain("Q05");
    expect(codes).not.toContain("Q10");
  });

  it("requires a follow-up once its condition holds", async () => {
    const other = await createStaff(db, { employmentType: "regular" });
    const answers: Record<string, string> = { ...allAnswered, Q09: "1" };
    delete answers.Q10;
    const response = await post(other.id, "shown-2024", stepForm("next", 2, answers));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ problems: { Q10: REQUIRED } });
  });
});
