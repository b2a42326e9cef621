import type { Page } from "@playwright/test";
import { checkerWithoutScripts, signInAsNewcomer, signInWith } from "./accounts";
import { accounts, expect, expectAccessible, test } from "./fixtures";
import { question, waitForScripts } from "./survey-page";

/** The demo ward's open survey: 15 agreement questions, five a section, all required. */
const SURVEY = "kpi-fy2024";
const SECTIONS = [
  ["Q01", "Q02", "Q03", "Q04", "Q05"],
  ["Q06", "Q07", "Q08", "Q09", "Q10"],
  ["Q11", "Q12", "Q13", "Q14", "Q15"],
] as const;
const PASSWORD = "answering-the-survey-2026";

async function answer(page: Page, codes: readonly string[], label = "そう思う") {
  for (const code of codes) await question(page, code).getByLabel(label, { exact: true }).check();
}

test("a staff member answers every section without JavaScript, once only", async ({ browser }) => {
  // Every page is checked with axe in a second page (see checkerWithoutScripts): twice the work.
  test.slow();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { check, close: closeChecker } = await checkerWithoutScripts(browser);
  await signInAsNewcomer(browser, page, "000190", PASSWORD, check);

  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "アンケート", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "アンケート" })).toBeVisible();
  await check(page);
  await page.getByRole("link", { name: /回答する/ }).click();

  await expect(page.getByRole("heading", { level: 2, name: "はじめに" })).toBeVisible();
  await expect(page.getByText("5人以上の集団の集計結果だけ")).toBeVisible();
  await expect(page.getByText("氏名や職員番号を付けずに保存")).toBeVisible();
  await check(page);
  await page.getByRole("button", { name: "回答をはじめる" }).click();

  await expect(page.getByText("セクション 1 / 3")).toBeVisible();
  await check(page);
  await answer(page, SECTIONS[0].slice(0, 4));
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("alert")).toContainText("入力内容に1件の誤りがあります");
  await expect(question(page, "Q05")).toContainText("この設問に回答してください");
  await expect(question(page, "Q01").getByLabel("そう思う", { exact: true })).toBeChecked();
  await check(page);
  await answer(page, ["Q05"], "そう思わない");
  await page.getByRole("button", { name: "次へ" }).click();

  await expect(page.getByText("セクション 2 / 3")).toBeVisible();
  await answer(page, SECTIONS[1], "まあそう思う");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByText("セクション 3 / 3")).toBeVisible();
  await answer(page, SECTIONS[2]);
  // Back and forth keeps what was chosen on both pages.
  await page.getByRole("button", { name: "戻る" }).click();
  await expect(question(page, "Q06").getByLabel("まあそう思う", { exact: true })).toBeChecked();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(question(page, "Q15").getByLabel("そう思う", { exact: true })).toBeChecked();
  await page.getByRole("button", { name: "次へ" }).click();

  await expect(page.getByRole("heading", { level: 2, name: "回答内容の確認" })).toBeVisible();
  await expect(page.getByRole("definition").nth(4)).toHaveText("そう思わない");
  await check(page);
  await page.getByRole("button", { name: "回答を送信する" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "ご回答ありがとうございました" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/surveys/${SURVEY}\\?done=1$`));
  await check(page);

  await page.goto("/surveys");
  await expect(page.getByRole("table")).toContainText("回答済み");
  await expect(page.getByRole("link", { name: /回答する/ })).toHaveCount(0);
  await check(page);
  await page.goto(`/surveys/${SURVEY}`);
  await expect(page.getByRole("heading", { level: 1, name: "このアンケートには回答済みです" })).toBeVisible();
  await check(page);
  await closeChecker();
  await context.close();
});

test("answers in progress survive a reload, and a second submission is refused politely", async ({ page, browser, checkA11y }) => {
  await signInAsNewcomer(browser, page, "000191", PASSWORD, async () => checkA11y());
  await page.goto(`/surveys/${SURVEY}`);
  await waitForScripts(page);
  await checkA11y();
  await page.getByRole("button", { name: "回答をはじめる" }).click();
  await answer(page, SECTIONS[0]);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByText("セクション 2 / 3")).toBeVisible();
  await answer(page, ["Q06", "Q07"], "あまりそう思わない");
  await checkA11y();

  await page.reload();
  await expect(page.getByRole("status")).toContainText("前回の入力内容を復元しました");
  await expect(page.getByText("セクション 2 / 3")).toBeVisible();
  await expect(question(page, "Q07").getByLabel("あまりそう思わない", { exact: true })).toBeChecked();
  await checkA11y();

  await answer(page, SECTIONS[1].slice(2));
  await page.getByRole("button", { name: "次へ" }).click();
  await answer(page, SECTIONS[2]);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "回答内容の確認" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "回答を送信する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ご回答ありがとうございました" })).toBeVisible();
  await checkA11y();
  expect(await page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith("yell:")))).toEqual([]);

  await page.goto(`/surveys/${SURVEY}`);
  await expect(page.getByRole("heading", { level: 1, name: "このアンケートには回答済みです" })).toBeVisible();
  await checkA11y();
  // A submission sent again as the browser would (same session, same origin) is refused, not stored twice.
  const origin = new URL(page.url()).origin;
  const again = await page.request.post(`/surveys/${SURVEY}`, {
    headers: { Origin: origin },
    form: { intent: "submit", step: "4", ...Object.fromEntries(SECTIONS.flat().map((code) => [code, "4"])) },
  });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain("このアンケートには回答済みです");
});

test("answers survive an expired session and come back after signing in again", async ({ page, context, browser, checkA11y }) => {
  await signInAsNewcomer(browser, page, "000192", PASSWORD, async () => checkA11y());
  await page.goto(`/surveys/${SURVEY}`);
  await waitForScripts(page);
  await checkA11y();
  await page.getByRole("button", { name: "回答をはじめる" }).click();
  await answer(page, SECTIONS[0], "まあそう思う");
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByText("セクション 2 / 3")).toBeVisible();
  await answer(page, ["Q06"], "そう思わない");

  await context.clearCookies({ name: "yell_session" });
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=%2Fsurveys%2F${SURVEY}$`));
  await checkA11y();
  await signInWith(page, "000192", PASSWORD);

  await expect(page).toHaveURL(new RegExp(`/surveys/${SURVEY}$`));
  await expect(page.getByRole("status")).toContainText("前回の入力内容を復元しました");
  await expect(page.getByText("セクション 2 / 3")).toBeVisible();
  await expect(question(page, "Q06").getByLabel("そう思わない", { exact: true })).toBeChecked();
  await checkA11y();
  await page.getByRole("button", { name: "戻る" }).click();
  await expect(question(page, "Q01").getByLabel("まあそう思う", { exact: true })).toBeChecked();
  await checkA11y();
});

test("offline, the form keeps the answers and sends them once the connection is back", async ({ page, context, browser, checkA11y }) => {
  await signInAsNewcomer(browser, page, "000193", PASSWORD, async () => checkA11y());
  await page.goto(`/surveys/${SURVEY}`);
  await waitForScripts(page);
  await checkA11y();
  await page.getByRole("button", { name: "回答をはじめる" }).click();
  await answer(page, SECTIONS[0], "あまりそう思わない");

  await context.setOffline(true);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("alert")).toContainText("入力内容はこのブラウザに保存されています");
  await expect(question(page, "Q05").getByLabel("あまりそう思わない", { exact: true })).toBeChecked();
  await checkA11y();

  await context.setOffline(false);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByText("セクション 2 / 3")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await checkA11y();
});

test("HR sees the respondent count rise as soon as a response is submitted, and no answer figures while the survey is open", async ({ page, browser, signIn, checkA11y }) => {
  const hrContext = await browser.newContext();
  const hr = await hrContext.newPage();
  await hr.goto(`/login?redirectTo=%2Fresults%2F${SURVEY}`);
  await signInWith(hr, accounts.hr.employeeNumber, accounts.hr.password);
  const respondents = async () => Number((await hr.locator("dl.figures > div").filter({ hasText: "回答者数" }).locator("dd").textContent())?.replace(/\D/g, ""));
  const before = await respondents();
  expect(before).toBeGreaterThan(0);
  await expect(hr.getByText("回答受付中は、回答者数と回答率だけを表示します。")).toBeVisible();
  await expect(hr.getByRole("table", { name: "設問別の回答数、平均値、基準値、目標値と達成状況" })).toHaveCount(0);
  await expectAccessible(hr);

  await signIn("staff");
  await page.goto(`/surveys/${SURVEY}`);
  await waitForScripts(page);
  await checkA11y();
  await page.getByRole("button", { name: "回答をはじめる" }).click();
  for (const section of SECTIONS) {
    await answer(page, section, "まあそう思う");
    await page.getByRole("button", { name: "次へ" }).click();
  }
  await page.getByRole("button", { name: "回答を送信する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ご回答ありがとうございました" })).toBeVisible();
  await checkA11y();

  await hr.reload();
  await expect.poll(respondents).toBe(before + 1);
  await expect(hr.getByRole("table", { name: "設問別の回答数、平均値、基準値、目標値と達成状況" })).toHaveCount(0);
  await hrContext.close();
});
