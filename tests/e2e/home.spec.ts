import type { Page } from "@playwright/test";
import { signInWith } from "./accounts";
import { accounts, expect, expectAccessible, test } from "./fixtures";

const WIDTHS = [1280, 390] as const;
const ROUND_TITLE = "ホーム画面確認ラウンド";

async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByRole("link", { name: /^お知らせ/ }).first().getAttribute("aria-label")) ?? "";
  return Number(/未読(\d+)件/.exec(label)?.[1] ?? 0);
}

test("staff and HR homes lead with what to do next, at desktop and phone widths", async ({ page, signIn, checkA11y }) => {
  test.slow();
  // HR opens a round for everyone, so the staff home has a round in progress.
  await signIn("hr");
  await page.goto("/manage/rounds");
  await checkA11y();
  await page.getByLabel("名称（日本語）").fill(ROUND_TITLE);
  await page.getByLabel("名称（英語）").fill("Home page round");
  await page.getByLabel("終了日").fill("2099-03-31");
  await page.getByLabel("1件以上は自分の上司あてに送るよう依頼する").check();
  await page.getByRole("button", { name: "ラウンドを開く" }).click();
  await expect(page.getByRole("heading", { level: 1, name: ROUND_TITLE })).toBeVisible();
  await checkA11y();
  const roundUrl = page.url();

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const hrSection = page.getByRole("region", { name: "人事の状況" });
    await expect(hrSection.getByRole("heading", { level: 3, name: /の回答状況$/ })).toBeVisible();
    await expect(hrSection.getByText(/^本日時点の回答率 \d+\.\d%（[\d,]+人中[\d,]+人）/)).toBeVisible();
    const rates = hrSection.getByRole("table", { name: "部ごとの回答率（低い順）" });
    await expect(rates.getByRole("row").nth(1)).toBeVisible();
    const shares = (await rates.locator("tbody tr td:last-child").allTextContents()).map((text) => Number.parseFloat(text));
    expect(shares.length).toBeGreaterThan(1);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    await expect(hrSection.getByRole("link", { name: ROUND_TITLE })).toBeVisible();
    await expect(hrSection.getByText(/パスワード未設定の職員 [\d,]+人/)).toBeVisible();
    // Nothing on the page is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await checkA11y();
  }

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await signIn("staff");
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const tasks = page.getByRole("region", { name: "あなたのやること" });
    const survey = tasks.getByRole("listitem").filter({ hasText: "職員アンケート" });
    await expect(survey).toContainText(/締切まであと21日（\d{4}年\d+月\d+日）/);
    await expect(survey).toContainText("未回答");
    await expect(survey.getByRole("link", { name: /に回答する$/ })).toBeVisible();
    const round = tasks.getByRole("listitem").filter({ hasText: ROUND_TITLE });
    await expect(round).toContainText("3件中0件を送りました（あと3件）。上司へはまだ送っていません。");
    await expect(round.getByRole("link", { name: "I・メッセージを書く" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await checkA11y();
  }

  // The round is HR's test fixture only: close it again.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await signIn("hr");
  await page.goto(roundUrl);
  await page.getByRole("button", { name: "ラウンドを終了する" }).click();
  await expect(page.getByRole("status")).toHaveText("ラウンドを終了しました。");
  await checkA11y();
});

test("the bell count rises when an I-message arrives, and the notification leads to it", async ({ page, browser, signIn, checkA11y }) => {
  test.slow();
  await signIn("staff");
  const before = await bellCount(page);
  await checkA11y();

  const hrContext = await browser.newContext();
  const hr = await hrContext.newPage();
  await hr.goto("/login");
  await signInWith(hr, accounts.hr.employeeNumber, accounts.hr.password);
  await expect(hr.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
  await hr.goto("/messages/new");
  await hr.getByLabel("宛先を探す（氏名・カナ・職員番号・所属）").fill(accounts.staff.employeeNumber);
  await hr.getByRole("button", { name: "検索" }).click();
  await hr.getByRole("link", { name: /さんに書く$/ }).click();
  await hr.getByLabel("場面・行動").fill("研修の準備で、資料の誤字を丁寧に確認してくださったとき");
  await hr.getByLabel("わたしの気持ち").fill("とても助かりました");
  await hr.getByLabel("もたらされたこと").fill("研修が予定どおりに始められました");
  await hr.getByRole("radio", { name: "その他" }).check();
  await hr.getByRole("button", { name: "送信する" }).click();
  await expect(hr.getByRole("status")).toHaveText("メッセージを送信しました。");
  await expectAccessible(hr);
  await hrContext.close();

  await page.reload();
  expect(await bellCount(page)).toBe(before + 1);
  await checkA11y();
  await page.getByRole("link", { name: /^お知らせ（未読/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "お知らせ" })).toBeVisible();
  await checkA11y();
  await page.getByRole("list", { name: "お知らせ（新しい順）" }).getByRole("link", { name: "I・メッセージが届きました。" }).first().click();
  await expect(page.getByText("研修の準備で、資料の誤字を丁寧に確認してくださったとき")).toBeVisible();
  await checkA11y();

  await page.goto("/notifications");
  await page.getByRole("button", { name: "すべて既読にする" }).click();
  await expect(page.getByRole("link", { name: "お知らせ", exact: true })).toBeVisible();
  await checkA11y();

  await page.goto("/settings/notifications");
  await page.getByRole("checkbox", { name: "I・メッセージの受信" }).uncheck();
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByRole("status")).toHaveText("保存しました。");
  await expect(page.getByRole("checkbox", { name: "I・メッセージの受信" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "アンケートの開始" })).toBeChecked();
  await checkA11y();
});

test("HR prints setup letters for a department, one page each", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/manage/onboarding");
  await checkA11y();
  await page.getByLabel("部").selectOption("総務部");
  // Everyone in the 部 first: HR sees whom it may not issue codes for, and why.
  await page.getByLabel("パスワード未設定の職員のみ").uncheck();
  await page.getByRole("button", { name: "対象を確認する" }).click();
  const candidates = page.getByRole("table", { name: "対象の職員" });
  await expect(candidates.getByRole("row", { name: new RegExp(accounts.admin.employeeNumber) })).toContainText("管理者のみ発行できます");
  await expect(candidates.getByRole("row", { name: new RegExp(accounts.hr.employeeNumber) })).toContainText("自分自身には発行できません");
  await checkA11y();
  await page.getByLabel("パスワード未設定の職員のみ").check();
  await page.getByRole("button", { name: "対象を確認する" }).click();
  await expect(page.getByRole("status")).toContainText(/対象は\d+人です。/);
  await checkA11y();
  await page.getByRole("button", { name: /人分のコードを発行する$/ }).click();
  await expect(page.getByRole("status")).toContainText(/人分を発行しました。/);
  const letters = page.getByRole("article");
  expect(await letters.count()).toBeGreaterThan(3);
  await expect(letters.first()).toContainText("セットアップコード");
  await expect(letters.first()).toContainText(/有効期限令和\d+年/);
  await checkA11y();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "メインメニュー" })).toBeHidden();
  await expect(page.getByText(/人分を発行しました。/)).toBeHidden();
  expect(await letters.first().evaluate((element) => getComputedStyle(element).breakAfter)).toBe("page");
});
