import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/locale.server";
import { addQuestion, addSection } from "~/models/survey-builder.server";
import { createSurveyFromPrevious, createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";
import { action as builderAction, loader as builderLoader } from "~/routes/manage.surveys.$code_.builder._index";
import { action as editQuestionAction } from "~/routes/manage.surveys.$code_.builder.questions.$questionId";
import { action as newQuestionAction, loader as newQuestionLoader } from "~/routes/manage.surveys.$code_.builder.questions.new";
import { action as editSectionAction } from "~/routes/manage.surveys.$code_.builder.sections.$sectionId";
import { action as newSectionAction } from "~/routes/manage.surveys.$code_.builder.sections.new";
import { loader as previewLoader } from "~/routes/manage.surveys.$code_.preview";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { role: "staff" });
const actor = { id: hr.id, label: hr.employee_number };

const CODE = "builder-2026";
const BASE = `/manage/surveys/${CODE}/builder`;
await createSurveyFromTemplate(db, "shinagawa-fy2023", { code: CODE, fiscalYear: 2026 }, actor);

type Handler = (args: ActionFunctionArgs) => Promise<unknown>;
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Body = { errors: Record<string, string> };

function form(fields: Record<string, string | string[]>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return body;
}

async function post(handler: Handler, url: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}, options: { as?: number; english?: boolean } = {}) {
  let request = await requestAs(db, options.as ?? hr.id, url, { method: "POST", body: form(fields) });
  if (options.english) {
    const headers = new Headers(request.headers);
    headers.set("Cookie", `${headers.get("Cookie")}; ${await localeCookie.serialize("en")}`);
    request = new Request(request, { headers });
  }
  return responseOf(() => handler({ request, params: { code: CODE, ...params }, context: {} }));
}

async function load(loader: Loader, url: string, params: Record<string, string> = {}, as = hr.id) {
  const request = await requestAs(db, as, url);
  return responseOf(() => loader({ request, params: { code: CODE, ...params }, context: {} }));
}

const definition = async (code = CODE) => (await loadSurveyDefinition(db, code))!;
const questionByCode = async (code: string, survey = CODE) =>
  (await definition(survey)).sections.flatMap((s) => s.questions).find((q) => q.code === code)!;
const errorsOf = async (response: Response) => ((await response.json()) as Body).errors;

const question = (overrides: Record<string, string | string[]> = {}) => ({
  code: "LEAVE",
  type: "single_choice",
  textJa: "この1年間に退職を考えたことがありますか。",
  textEn: "Have you considered leaving in the past year?",
  required: "on",
  options: "よくある | Often\nときどきある | Sometimes\nない | Never",
  maxChoices: "",
  showIfQuestion: "",
  showIfValues: "",
  ...overrides,
});

let sectionId = 0;

describe("survey builder", () => {
  it("refuses staff on pages and actions", async () => {
    expect((await load(builderLoader, BASE, {}, staff.id)).status).toBe(403);
    expect((await post(builderAction, BASE, { intent: "moveSection", id: "1", direction: "down" }, {}, { as: staff.id })).status).toBe(403);
    expect((await post(newSectionAction, `${BASE}/sections/new`, { titleJa: "x", titleEn: "x" }, {}, { as: staff.id })).status).toBe(403);
  });

  it("adds a section limited to some employment types, explaining missing titles in Japanese", async () => {
    const bad = await post(newSectionAction, `${BASE}/sections/new`, { titleJa: " ", titleEn: "", eligibility: ["regular"] });
    expect(bad.status).toBe(400);
    expect(await errorsOf(bad)).toEqual({ titleJa: "入力してください。", titleEn: "入力してください。" });

    const created = await post(newSectionAction, `${BASE}/sections/new`, {
      titleJa: "働き方について",
      titleEn: "About your work",
      eligibility: ["regular", "reappointed", "temporary"],
    });
    expect(created.status).toBe(302);
    const section = (await definition()).sections.at(-1)!;
    sectionId = section.id;
    expect(created.headers.get("Location")).toBe(`${BASE}?saved=sectionAdded#section-${section.id}`);
    expect(section).toMatchObject({ title_ja: "働き方について", eligibleEmploymentTypes: ["regular", "reappointed", "temporary"], questions: [] });
  });

  it("creates a question of every type, with a follow-up shown for chosen answers", async () => {
    const url = `${BASE}/questions/new?section=${sectionId}`;
    expect((await post(newQuestionAction, url, question())).status).toBe(302);
    const leave = await questionByCode("LEAVE");
    expect((await post(newQuestionAction, url, question({
      code: "reason",
      type: "multiple_choice",
      textJa: "退職を考えた理由を選んでください。",
      textEn: "Why did you consider leaving?",
      options: "仕事量 | Workload\n人間関係 | Relationships\n給与 | Pay",
      maxChoices: "２",
      showIfQuestion: String(leave.id),
      showIfValues: "1;2",
    }))).status).toBe(302);
    expect((await post(newQuestionAction, url, question({ code: "SAT", type: "satisfaction", textJa: "職場に満足していますか。", textEn: "Are you satisfied?", options: "" }))).status).toBe(302);
    expect((await post(newQuestionAction, url, question({ code: "AGREE", type: "agreement", textJa: "同意しますか。", textEn: "Do you agree?", options: "", eligibility: ["regular"] }))).status).toBe(302);
    expect((await post(newQuestionAction, url, question({ code: "COMMENT", type: "free_text", textJa: "ご意見", textEn: "Comments", options: "", required: [] }))).status).toBe(302);

    const section = (await definition()).sections.find((s) => s.id === sectionId)!;
    expect(section.questions.map((q) => [q.code, q.type, q.required])).toEqual([
      ["LEAVE", "single_choice", true],
      ["REASON", "multiple_choice", true],
      ["SAT", "satisfaction", true],
      ["AGREE", "agreement", true],
      ["COMMENT", "free_text", false],
    ]);
    const reason = section.questions[1]!;
    expect(reason).toMatchObject({ maxChoices: 2, showIf: { questionId: leave.id, values: [1, 2] } });
    expect(reason.options.map((o) => o.label_en)).toEqual(["Workload", "Relationships", "Pay"]);
    expect(section.questions[2]!.options.map((o) => o.label_ja)).toEqual(["満足", "どちらかといえば満足", "どちらかといえば満足していない", "満足していない"]);
    expect(section.questions[3]!.eligibleEmploymentTypes).toEqual(["regular"]);
    // Positions run through the survey: the template's 15 questions, then these.
    const positions = await db.selectFrom("survey_questions").select("position").where("survey_id", "=", (await definition()).survey.id).orderBy("position").execute();
    expect(positions.map((p) => p.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const audit = await db.selectFrom("audit_log").select(["action", "detail"]).where("action", "=", "survey.question_add").execute();
    expect(audit).toHaveLength(5);
    expect(JSON.parse(audit[1]!.detail)).toEqual({ code: CODE, question: "REASON", type: "multiple_choice", options: 3 });

    // The question form offers earlier choice and rating questions as conditions.
    const page = await load(newQuestionLoader, url);
    const triggers = ((await page.json()) as { triggers: { code: string }[] }).triggers.map((t) => t.code);
    expect(triggers).toContain("LEAVE");
    expect(triggers).not.toContain("COMMENT");
  });

  it("explains every field's problem in Japanese, and in English when chosen", async () => {
    const url = `${BASE}/questions/new?section=${sectionId}`;
    const shape = await post(newQuestionAction, url, question({ code: "", textJa: "", textEn: "", maxChoices: "x", showIfValues: "1;a" }));
    expect(shape.status).toBe(400);
    expect(await errorsOf(shape)).toEqual({
      code: "入力してください。",
      textJa: "入力してください。",
      textEn: "入力してください。",
      maxChoices: "数値を入力してください。",
      showIfValues: "数値を入力してください。",
    });

    const leave = await questionByCode("LEAVE");
    const comment = await questionByCode("COMMENT");
    const rules = await post(newQuestionAction, url, question({ code: "LEAVE", options: "はい | Yes", maxChoices: "1", eligibility: ["regular"], showIfQuestion: String(leave.id), showIfValues: "5" }));
    expect(rules.status).toBe(400);
    expect(await errorsOf(rules)).toEqual({
      code: "設問コード「LEAVE」はこのアンケートで既に使われています。",
      options: "選択肢を2つ以上入力してください。",
      maxChoices: "選べる数の上限は複数選択のときだけ指定できます。空欄にしてください。",
      showIfValues: "条件にする設問に番号 5 の回答はありません（1〜3）。",
    });
    const format = await post(newQuestionAction, url, question({ code: "1ST", type: "agreement", showIfQuestion: String(comment.id), showIfValues: "1" }));
    expect(await errorsOf(format)).toEqual({
      code: "設問コードは半角の英大文字で始め、英大文字・数字・下線の16文字以内にしてください（例: Q16）。",
      options: "この形式には選択肢を入力できません。4段階の形式は選択肢が決まっており、自由記述には選択肢がありません。",
      showIfQuestion: "COMMENT は自由記述のため条件にできません。選択式か4段階の設問を選んでください。",
    });
    const english = await post(newQuestionAction, url, question({ code: "LEAVE" }), {}, { english: true });
    expect(await errorsOf(english)).toEqual({ code: "The code “LEAVE” is already used in this survey." });
    expect(await questionByCode("1ST")).toBeUndefined();
  });

  it("keeps follow-ups after their trigger when moving, and refuses deleting a followed question", async () => {
    const leave = await questionByCode("LEAVE");
    const reason = await questionByCode("REASON");
    const refused = await post(builderAction, BASE, { intent: "moveQuestion", id: String(reason.id), direction: "up" });
    expect(refused.status).toBe(400);
    expect((await errorsOf(refused)).form).toBe("この移動はできません。条件付きの設問は条件にする設問より後に置く必要があります（REASON ← LEAVE）。");
    const leaveDown = await post(builderAction, BASE, { intent: "moveQuestion", id: String(leave.id), direction: "down" });
    expect(leaveDown.status).toBe(400);

    const deleted = await post(builderAction, BASE, { intent: "deleteQuestion", id: String(leave.id) });
    expect(deleted.status).toBe(400);
    expect((await errorsOf(deleted)).form).toBe(
      "この設問の回答を条件にしている設問（REASON）があるため削除できません。先にそれらの設問の条件を外すか、削除してください。",
    );

    // LEAVE moves up into the previous section's end: REASON still follows it.
    const up = await post(builderAction, BASE, { intent: "moveQuestion", id: String(leave.id), direction: "up" });
    expect(up.status).toBe(302);
    const sections = (await definition()).sections;
    expect(sections.at(-2)!.questions.at(-1)!.code).toBe("LEAVE");
    expect(sections.at(-1)!.questions[0]!.code).toBe("REASON");
    const positions = sections.flatMap((s) => s.questions.map((q) => q.code));
    expect(positions.indexOf("LEAVE")).toBeLessThan(positions.indexOf("REASON"));
    // The last section cannot now go above the one holding LEAVE: REASON would come first.
    const sectionUp = await post(builderAction, BASE, { intent: "moveSection", id: String(sectionId), direction: "up" });
    expect(sectionUp.status).toBe(400);
    // Back where it was.
    expect((await post(builderAction, BASE, { intent: "moveQuestion", id: String(leave.id), direction: "down" })).status).toBe(302);
    expect((await definition()).sections.at(-1)!.questions.map((q) => q.code)).toEqual(["LEAVE", "REASON", "SAT", "AGREE", "COMMENT"]);
  });

  it("edits a question, keeping KPI questions rating questions and follow-ups' answers", async () => {
    const q01 = await questionByCode("Q01");
    const kpiBefore = await db.selectFrom("question_kpis").selectAll().where("question_id", "=", q01.id).executeTakeFirstOrThrow();
    const url = `${BASE}/questions/${q01.id}`;
    const locked = await post(editQuestionAction, url, question({ code: "Q01", options: "a | A\nb | B" }), { questionId: String(q01.id) });
    expect(locked.status).toBe(400);
    expect((await errorsOf(locked)).type).toBe("KPIが設定された設問の形式は、4段階（そう思う／満足）のいずれかから変更できません。");
    const ok = await post(editQuestionAction, url, question({ code: "Q01", type: "agreement", options: "", textJa: "新しい文", textEn: "New text" }), { questionId: String(q01.id) });
    expect(ok.status).toBe(302);
    expect(await questionByCode("Q01")).toMatchObject({ text_ja: "新しい文", type: "agreement" });
    expect(await db.selectFrom("question_kpis").selectAll().where("question_id", "=", q01.id).executeTakeFirstOrThrow()).toEqual(kpiBefore);

    const leave = await questionByCode("LEAVE");
    const stranded = await post(editQuestionAction, `${BASE}/questions/${leave.id}`, question({ options: "はい | Yes\nいいえ | No", code: "LEAVE" }), { questionId: String(leave.id) });
    expect(stranded.status).toBe(302); // REASON waits for 1 and 2, which remain.
    const freeText = await post(editQuestionAction, `${BASE}/questions/${leave.id}`, question({ type: "free_text", options: "" }), { questionId: String(leave.id) });
    expect(freeText.status).toBe(400);
    expect((await errorsOf(freeText)).type).toContain("REASON");
  });

  it("edits a section's eligibility", async () => {
    const url = `${BASE}/sections/${sectionId}`;
    const response = await post(editSectionAction, url, { titleJa: "働き方", titleEn: "Work", eligibility: ["regular", "reappointed", "temporary", "fiscal_year"] }, { sectionId: String(sectionId) });
    expect(response.status).toBe(302);
    expect((await definition()).sections.at(-1)).toMatchObject({ title_ja: "働き方", eligibleEmploymentTypes: null });
    await post(editSectionAction, url, { titleJa: "働き方", titleEn: "Work", eligibility: ["regular", "reappointed", "temporary"] }, { sectionId: String(sectionId) });
  });

  it("previews the survey as each employment type sees it", async () => {
    const as = async (type: string) =>
      (await (await load(previewLoader, `/manage/surveys/${CODE}/preview?employmentType=${type}`)).json()) as {
        sections: { title_ja: string; questions: { code: string }[] }[];
        skippedSections: number;
      };
    const fiscal = await as("fiscal_year");
    expect(fiscal.sections.map((s) => s.title_ja)).not.toContain("働き方");
    expect(fiscal.skippedSections).toBe(1);
    const regular = await as("regular");
    expect(regular.sections.at(-1)!.questions.map((q) => q.code)).toEqual(["LEAVE", "REASON", "SAT", "AGREE", "COMMENT"]);
    const temporary = await as("temporary");
    expect(temporary.sections.at(-1)!.questions.map((q) => q.code)).toEqual(["LEAVE", "REASON", "SAT", "COMMENT"]);
  });

  it("copies the survey, follow-ups and eligibility included, into a new draft", async () => {
    await createSurveyFromPrevious(db, CODE, { code: "builder-2027", fiscalYear: 2027 }, actor);
    const reason = await questionByCode("REASON", "builder-2027");
    const leave = await questionByCode("LEAVE", "builder-2027");
    expect(reason.showIf).toEqual({ questionId: leave.id, values: [1, 2] });
    expect((await definition("builder-2027")).survey.status).toBe("draft");
  });

  it("freezes the structure once the survey is open", async () => {
    await setSurveyStatus(db, CODE, "open", actor);
    const page = (await (await load(builderLoader, BASE)).json()) as { editable: boolean };
    expect(page.editable).toBe(false);
    const comment = await questionByCode("COMMENT");
    const refused = await post(builderAction, BASE, { intent: "deleteQuestion", id: String(comment.id) });
    expect(refused.status).toBe(409);
    expect((await errorsOf(refused)).form).toBe("このアンケートは準備中ではないため、構成は変更できません。");
    expect((await post(newSectionAction, `${BASE}/sections/new`, { titleJa: "追加", titleEn: "More" })).status).toBe(409);
    await expect(addSection(db, CODE, { title_ja: "a", title_en: "b", eligibility: [] }, actor)).rejects.toMatchObject({ reason: "not_draft" });
    await expect(
      addQuestion(db, CODE, sectionId, { code: "X", type: "free_text", text_ja: "a", text_en: "b", required: false, optionsText: "", maxChoices: null, eligibility: [], showIfQuestionId: null, showIfValues: [] }, actor),
    ).rejects.toMatchObject({ reason: "not_draft" });
    expect(await questionByCode("COMMENT")).toBeDefined();
  });
});
