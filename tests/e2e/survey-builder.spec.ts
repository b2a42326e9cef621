import type { Page } from "@playwright/test";
import { checkerWithoutScripts, signInAsNewcomer } from "./accounts";
import { expect, expectAccessible, test } from "./fixtures";
import { question, waitForScripts } from "./survey-page";

/**
 * HR builds a survey in the browser (every question type, a section not asked of 会計年度任用
 * staff, follow-ups), previews it, opens it; then staff answer it. Demo staff reserved for this
 * file: 000194 (会計年度任用), 000195 and 000196 (常勤).
 */
const SURVEY = "builder-e2e";
const PASSWORD = "building-the-survey-2026";
const LEAVE_TEXT = "この1年間に退職を考えたことがありますか。";

test.describe.configure({ mode: "serial" });

interface QuestionSpec {
  code: string;
  type: string;
  textJa: string;
  textEn: string;
  required?: boolean;
  options?: string;
  maxChoices?: string;
  followUp?: { trigger: string; values: string };
}

async function addQuestion(page: Page, checkA11y: () => Promise<void>, sectionTitle: string, spec: QuestionSpec) {
  await page.getByRole("link", { name: `このセクションに設問を追加 (${sectionTitle})` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "設問の追加" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("設問コード").fill(spec.code);
  await page.getByLabel(spec.type, { exact: true }).check();
  await page.getByLabel("設問文（日本語）").fill(spec.textJa);
  await page.getByLabel("設問文（英語）").fill(spec.textEn);
  if (spec.required === false) await page.getByLabel("回答を必須にする").uncheck();
  if (spec.options) await page.getByLabel("選択肢", { exact: true }).fill(spec.options);
  if (spec.maxChoices) await page.getByLabel("選べる数の上限").fill(spec.maxChoices);
  if (spec.followUp) {
    await page.getByLabel("条件にする設問").selectOption({ label: spec.followUp.trigger });
    await page.getByLabel("表示する回答の番号").fill(spec.followUp.values);
  }
  await page.getByRole("button", { name: "設問を保存" }).click();
  await expect(page.getByRole("status")).toHaveText("設問を追加しました。");
}

async function addSection(page: Page, checkA11y: () => Promise<void>, titleJa: string, titleEn: string, only: string[] = []) {
  await page.getByRole("link", { name: "セクションを追加" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "セクションの追加" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("見出し（日本語）").fill(titleJa);
  await page.getByLabel("見出し（英語）").fill(titleEn);
  for (const type of only) await page.getByRole("group", { name: "対象となる雇用形態" }).getByLabel(type, { exact: true }).check();
  await page.getByRole("button", { name: "セクションを保存" }).click();
  await expect(page.getByRole("status")).toHaveText("セクションを追加しました。");
}

test("HR builds a survey with every question type, an eligibility rule and follow-ups, previews and opens it", async ({ page, signIn, checkA11y }) => {
  test.slow();
  await signIn("hr");
  await page.goto("/manage/surveys");
  await checkA11y();
  await page.getByLabel(/^コード/).fill(SURVEY);
  await page.getByLabel(/^年度/).fill("2026");
  await page.getByLabel("終了日").fill("2027-03-31");
  await page.getByRole("button", { name: "作成する" }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/surveys/${SURVEY}\\?created=1$`));
  await checkA11y();
  await page.getByRole("link", { name: "設問を編集する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /アンケートの編集/ })).toBeVisible();
  await checkA11y();

  // The template's three KPI sections go, so the staff below answer only what is built here.
  const sections = page.locator(".builder-section");
  await expect(sections).toHaveCount(3);
  for (const remaining of [2, 1, 0]) {
    await sections.first().getByRole("button", { name: /^削除 / }).first().click();
    await expect(sections).toHaveCount(remaining);
  }

  await addSection(page, checkA11y, "職場について", "About your workplace");
  await checkA11y();
  await addQuestion(page, checkA11y, "職場について", {
    code: "SAT",
    type: "4段階（満足〜満足していない）",
    textJa: "今の職場に満足していますか。",
    textEn: "Are you satisfied with your workplace?",
  });
  await addQuestion(page, checkA11y, "職場について", {
    code: "LEAVE",
    type: "単一選択",
    textJa: LEAVE_TEXT,
    textEn: "Have you considered leaving in the past year?",
    options: "よくある | Often\nときどきある | Sometimes\nない | Never",
  });

  // A follow-up that points at nothing shown for its answers is explained, field by field.
  await page.getByRole("link", { name: "このセクションに設問を追加 (職場について)" }).click();
  await page.getByLabel("設問コード").fill("REASON");
  await page.getByLabel("複数選択", { exact: true }).check();
  await page.getByLabel("設問文（日本語）").fill("退職を考えた理由を選んでください（2つまで）。");
  await page.getByLabel("設問文（英語）").fill("Why did you consider leaving? (up to 2)");
  await page.getByLabel("選択肢", { exact: true }).fill("仕事量 | Workload\n人間関係 | Relationships\n給与");
  await page.getByLabel("選べる数の上限").fill("2");
  await page.getByLabel("条件にする設問").selectOption({ label: `LEAVE ${LEAVE_TEXT}` });
  await page.getByLabel("表示する回答の番号").fill("1;5");
  await page.getByRole("button", { name: "設問を保存" }).click();
  await expect(page.getByRole("alert")).toContainText("入力内容に2件の誤りがあります");
  await expect(page.getByText("3行目「給与」: 「日本語 | English」の形で両方の文言を入力してください。").first()).toBeVisible();
  await expect(page.getByText("条件にする設問に番号 5 の回答はありません（1〜3）。").first()).toBeVisible();
  await checkA11y();
  await page.getByLabel("選択肢", { exact: true }).fill("仕事量 | Workload\n人間関係 | Relationships\n給与 | Pay");
  await page.getByLabel("表示する回答の番号").fill("1;2");
  await page.getByRole("button", { name: "設問を保存" }).click();
  await expect(page.getByRole("status")).toHaveText("設問を追加しました。");
  await expect(page.getByText("条件: LEAVE で「よくある・ときどきある」と回答した人のみ")).toBeVisible();

  await addSection(page, checkA11y, "働き方について", "About how you work", ["常勤", "再任用", "臨時的任用"]);
  await expect(page.getByText("対象: 常勤・再任用・臨時的任用")).toBeVisible();
  await addQuestion(page, checkA11y, "働き方について", {
    code: "DETAIL",
    type: "自由記述",
    textJa: "退職を考えた事情を具体的にお書きください。",
    textEn: "Tell us more about why you considered leaving.",
    required: false,
    followUp: { trigger: `LEAVE ${LEAVE_TEXT}`, values: "1;2" },
  });
  await addQuestion(page, checkA11y, "働き方について", {
    code: "REMOTE",
    type: "4段階（そう思う〜そう思わない）",
    textJa: "在宅勤務を利用しやすいと思う。",
    textEn: "Working from home is easy to use.",
  });

  // The follow-up cannot move above the question it depends on.
  await page.getByRole("button", { name: "上へ REASON" }).click();
  await expect(page.getByRole("alert")).toContainText("この移動はできません。条件付きの設問は条件にする設問より後に置く必要があります（REASON ← LEAVE）。");
  await page.getByRole("button", { name: "削除 LEAVE" }).click();
  await expect(page.getByRole("alert")).toContainText("この設問の回答を条件にしている設問（REASON, DETAIL）があるため削除できません。");
  await checkA11y();

  // Preview: a 会計年度任用 member is not asked the second section; a 常勤 member is.
  await page.getByRole("link", { name: "回答者の画面をプレビュー" }).click();
  await page.getByLabel("雇用形態").selectOption({ label: "会計年度任用" });
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/employmentType=fiscal_year/);
  await expect(page.getByRole("heading", { level: 2, name: "職場について" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "働き方について" })).toHaveCount(0);
  await expect(page.getByText("この雇用形態の職員には表示されないセクションが1件あります。")).toBeVisible();
  await checkA11y();
  await page.getByLabel("雇用形態").selectOption({ label: "常勤" });
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "働き方について" })).toBeVisible();
  await expect(question(page, "REASON")).toContainText("LEAVEで「よくある」「ときどきある」を選んだ方のみお答えください。");
  await expect(question(page, "SAT").getByLabel("どちらかといえば満足していない")).toBeVisible();
  await checkA11y();

  // Opened, the structure is frozen.
  await page.goto(`/manage/surveys/${SURVEY}`);
  await page.getByRole("button", { name: "回答受付を開始" }).click();
  await expect(page.getByRole("status")).toContainText("回答受付中");
  await expect(page.getByRole("link", { name: "設問を編集する" })).toHaveCount(0);
  await checkA11y();
  await page.goto(`/manage/surveys/${SURVEY}/builder`);
  await expect(page.getByText("構成は確定しています")).toBeVisible();
  await expect(page.getByRole("button", { name: /^削除 / })).toHaveCount(0);
  await checkA11y();
});

async function startSurvey(page: Page) {
  await page.goto(`/surveys/${SURVEY}`);
  await page.getByRole("button", { name: "回答をはじめる" }).click();
}

test("a 会計年度任用 member is not asked the section limited to other employment types", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsNewcomer(browser, page, "000194", PASSWORD, expectAccessible);
  await startSurvey(page);
  await expect(page.getByText("セクション 1 / 1")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "職場について" })).toBeVisible();
  await question(page, "SAT").getByLabel("満足", { exact: true }).check();
  await question(page, "LEAVE").getByLabel("ない", { exact: true }).check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "回答内容の確認" })).toBeVisible();
  await expect(page.getByText("働き方について")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "回答を送信する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ご回答ありがとうございました" })).toBeVisible();
  await context.close();
});

test("with JavaScript, the follow-up appears only once a trigger answer is chosen", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsNewcomer(browser, page, "000195", PASSWORD, expectAccessible);
  await startSurvey(page);
  await waitForScripts(page);
  await expect(page.getByText("セクション 1 / 2")).toBeVisible();
  await expect(question(page, "REASON")).toHaveCount(0);
  await question(page, "LEAVE").getByLabel("ときどきある", { exact: true }).check();
  await expect(question(page, "REASON")).toBeVisible();
  await question(page, "LEAVE").getByLabel("ない", { exact: true }).check();
  await expect(question(page, "REASON")).toHaveCount(0);
  await question(page, "LEAVE").getByLabel("よくある", { exact: true }).check();
  await question(page, "REASON").getByLabel("仕事量").check();
  await question(page, "REASON").getByLabel("給与").check();
  // A third pick of "up to 2" is undone at once and explained.
  await question(page, "REASON").getByLabel("人間関係").click();
  await expect(question(page, "REASON").getByLabel("人間関係")).not.toBeChecked();
  await expect(question(page, "REASON").getByRole("status")).toHaveText("選べるのは2個までです。");
  await question(page, "SAT").getByLabel("どちらかといえば満足", { exact: true }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "働き方について" })).toBeVisible();
  await expect(page.getByLabel(/^DETAIL /)).toBeVisible();
  await question(page, "REMOTE").getByLabel("そう思う", { exact: true }).check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "回答内容の確認" })).toBeVisible();
  await page.getByRole("button", { name: "回答を送信する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ご回答ありがとうございました" })).toBeVisible();
  await context.close();
});

test("without JavaScript, the follow-up on the next page appears only when its condition holds", async ({ browser }) => {
  test.slow();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { check, close } = await checkerWithoutScripts(browser);
  await signInAsNewcomer(browser, page, "000196", PASSWORD, check);
  await startSurvey(page);
  // On the trigger's own page the follow-up cannot react, so it says whom it is for.
  await expect(question(page, "REASON")).toContainText("LEAVEで「よくある」「ときどきある」を選んだ方のみお答えください。");
  await check(page);
  await question(page, "SAT").getByLabel("満足", { exact: true }).check();
  await question(page, "LEAVE").getByLabel("ない", { exact: true }).check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "働き方について" })).toBeVisible();
  await expect(page.getByLabel(/^DETAIL /)).toHaveCount(0);
  await check(page);

  await page.getByRole("button", { name: "戻る" }).click();
  await question(page, "LEAVE").getByLabel("よくある", { exact: true }).check();
  await question(page, "REASON").getByLabel("人間関係").check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "働き方について" })).toBeVisible();
  await expect(page.getByLabel(/^DETAIL /)).toBeVisible();
  await page.getByLabel(/^DETAIL /).fill("通勤が長いため。");
  await question(page, "REMOTE").getByLabel("まあそう思う", { exact: true }).check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "回答内容の確認" })).toBeVisible();
  await check(page);
  await page.getByRole("button", { name: "回答を送信する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ご回答ありがとうございました" })).toBeVisible();
  await close();
  await context.close();
});

test("HR closes the survey again, so later tests see only the demo's open survey", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto(`/manage/surveys/${SURVEY}`);
  await page.getByRole("button", { name: "回答受付を終了" }).click();
  await expect(page.getByRole("status")).toContainText("終了");
  await checkA11y();
});
