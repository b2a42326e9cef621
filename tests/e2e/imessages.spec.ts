import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Demo employee numbers set aside for these tests (000185–000187).
const RECIPIENT = "000185";
const OUTSIDER = "000186";
const PASSWORD = "a long imessage password";

const YOU_MESSAGE = "あなたはもっと周りに相談するべきです。";
const parts = {
  scene: "システム障害の日に、窓口の応対を代わってくれた",
  feeling: "とても心強く、安心して作業に集中できました",
  effect: "区民の方を待たせずに、報告書も期限内に出せました",
};

type Check = () => Promise<void>;

async function signOut(page: Page, checkA11y: Check) {
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ログイン" })).toBeVisible();
  await checkA11y();
}

/** HR issues a setup code for a demo colleague, who then sets a password; returns the colleague's name. */
async function giveAccount(page: Page, checkA11y: Check, employeeNumber: string): Promise<string> {
  await page.goto(`/roster/${employeeNumber}`);
  await checkA11y();
  const name = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  await page.getByRole("button", { name: "セットアップコードを発行する" }).click();
  const code = (await page.locator(".code-display").textContent())?.trim() ?? "";
  await checkA11y();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await page.goto("/setup");
  await checkA11y();
  await page.getByLabel("職員番号").fill(employeeNumber);
  await page.getByLabel("セットアップコード").fill(code);
  await page.getByLabel("新しいパスワード").first().fill(PASSWORD);
  await page.getByLabel("新しいパスワード（確認）").fill(PASSWORD);
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page.getByRole("status")).toHaveText("パスワードを設定しました。ログインしてください。");
  await checkA11y();
  return name;
}

async function signInAs(page: Page, checkA11y: Check, employeeNumber: string) {
  await page.goto("/login");
  await page.getByLabel("職員番号").fill(employeeNumber);
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
  await checkA11y();
}

async function chooseRecipient(page: Page, checkA11y: Check, employeeNumber: string) {
  await page.goto("/messages/new");
  await checkA11y();
  await page.getByLabel("宛先を探す（氏名・カナ・職員番号・所属）").fill(employeeNumber);
  await page.getByRole("button", { name: "検索" }).click();
  await page.getByRole("link", { name: /さんに書く$/ }).click();
  await expect(page.getByRole("group", { name: /相手との関係/ })).toBeVisible();
  await checkA11y();
}

/** Messages sent this fiscal year across the ward, as HR's analytics page counts them. */
async function sentThisYear(page: Page, checkA11y: Check): Promise<number> {
  await page.goto("/manage/analytics");
  await checkA11y();
  const total = page.getByRole("table", { name: /部別の年間の活動/ }).getByRole("row", { name: /^全体/ });
  return Number((await total.getByRole("cell").nth(1).textContent())?.replace(/\D/g, ""));
}

test("@imessage a colleague receives an I-message, reads it and says thank you; nobody else can open it", async ({
  page,
  signIn,
  checkA11y,
}) => {
  // Eight sign-ins (each a deliberate password hash) and fifteen axe checks: slow on a busy machine.
  test.setTimeout(240_000);
  await signIn("hr");
  const sentBefore = await sentThisYear(page, checkA11y);
  const recipientName = await giveAccount(page, checkA11y, RECIPIENT);
  await signIn("hr");
  await giveAccount(page, checkA11y, OUTSIDER);

  // The demo staff member writes, is nudged away from a you-message, and sends.
  await signIn("staff");
  await chooseRecipient(page, checkA11y, RECIPIENT);
  await page.getByLabel("場面・行動").fill(parts.scene);
  await page.getByLabel("わたしの気持ち").fill(YOU_MESSAGE);
  await page.getByLabel("もたらされたこと").fill(parts.effect);
  const preview = page.getByRole("region", { name: "プレビュー" });
  await expect(preview.getByRole("listitem").filter({ hasText: "あなたメッセージ" })).toContainText("わたしの気持ち");
  await checkA11y();
  await page.getByLabel("わたしの気持ち").fill(parts.feeling);
  await expect(preview).toContainText("ヒントはありません");
  await expect(preview).toContainText(parts.feeling);
  await page.getByRole("radio", { name: "同僚へ" }).check();
  await page.getByRole("checkbox", { name: "たすけあエール" }).check();
  await page.getByRole("checkbox", { name: "想像力" }).check();
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByRole("status")).toHaveText("メッセージを送信しました。");
  await checkA11y();
  await page.getByRole("link", { name: `${recipientName} さんへ` }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: `${recipientName} さんへ` })).toBeVisible();
  const messagePath = new URL(page.url()).pathname;
  expect(messagePath).toMatch(/^\/messages\/\d+$/);
  await checkA11y();
  await signOut(page, checkA11y);

  // The recipient sees the unread badge, opens the message from the inbox, reads it and thanks.
  await signInAs(page, checkA11y, RECIPIENT);
  await page.getByRole("link", { name: /I・メッセージ 未読 \d+件/ }).click();
  await checkA11y();
  await page.locator(`a[href="${messagePath}"]`).click();
  await expect(page.getByText(parts.feeling)).toBeVisible();
  await expect(page.getByRole("list").filter({ hasText: "たすけあエール" })).toContainText("想像力");
  await checkA11y();
  await page.getByRole("button", { name: "既読にする" }).click();
  await expect(page.getByRole("button", { name: "既読にする" })).toHaveCount(0);
  await page.getByRole("button", { name: "ありがとうを伝える" }).click();
  await expect(page.getByRole("status")).toHaveText("ありがとうを伝えました。");
  await checkA11y();
  await signOut(page, checkA11y);

  // A third colleague and HR get the same "not found" as for a message that does not exist.
  await signInAs(page, checkA11y, OUTSIDER);
  const asOutsider = await page.goto(messagePath);
  expect(asOutsider?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "ページが見つかりません" })).toBeVisible();
  await expect(page.getByText(parts.scene)).toHaveCount(0);
  await checkA11y();
  // The error page has no header menu; sign out from the home page.
  await page.goto("/");
  await signOut(page, checkA11y);
  await signIn("hr");
  const asHr = await page.goto(messagePath);
  expect(asHr?.status()).toBe(404);
  await expect(page.getByText(parts.scene)).toHaveCount(0);
  await checkA11y();
  // HR's analytics count the message, without showing it.
  expect(await sentThisYear(page, checkA11y)).toBe(sentBefore + 1);
  await expect(page.getByText(parts.scene)).toHaveCount(0);
  await page.goto("/");
  await signOut(page, checkA11y);

  // The sender sees the thanks.
  await signIn("staff");
  await page.goto(messagePath);
  await expect(page.getByRole("status")).toHaveText("相手からありがとうが届きました。");
  await expect(page.getByRole("button", { name: "取り消す" })).toHaveCount(0);
  await checkA11y();
  await page.goto("/messages/sent");
  await expect(page.locator("li", { has: page.locator(`a[href="${messagePath}"]`) })).toContainText("ありがとうが届きました");
  await checkA11y();
});

test.describe("without JavaScript", () => {
  test("@imessage the guidance appears after the preview step", async ({ page, signIn, checkA11y }) => {
    // The app's scripts never arrive, as on a locked-down PC; the browser's own JavaScript stays on for axe.
    await page.route(/\/build\/.*\.js$/, (route) => route.abort());
    await signIn("staff");
    await chooseRecipient(page, checkA11y, "000187");
    await page.getByLabel("場面・行動").fill(parts.scene);
    await page.getByLabel("わたしの気持ち").fill("ありがとう");
    await page.getByLabel("もたらされたこと").fill(`${parts.effect}けど、もう少し早いと助かります`);
    await expect(page.getByRole("region", { name: "プレビュー" })).toHaveCount(0);
    await page.getByRole("button", { name: "プレビューする" }).click();
    const preview = page.getByRole("region", { name: "プレビュー" });
    await expect(preview.getByRole("listitem").filter({ hasText: "「ありがとう」だけでは" })).toContainText("わたしの気持ち");
    await expect(preview.getByRole("listitem").filter({ hasText: "「けど」" })).toContainText("もたらされたこと");
    // What was typed is still there, ready to be edited or sent.
    await expect(page.getByLabel("わたしの気持ち")).toHaveValue("ありがとう");
    await checkA11y();
  });
});

test("@imessage HR adds and retires a value tag; the moderation queue is for admins only", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/messages");
  await expect(page.getByText("全体の件数（内容は表示されません）")).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "価値タグの管理" }).click();
  await expect(page.getByRole("table")).toContainText("そんちょうしあエール");
  await checkA11y();
  await page.getByLabel("タグ名（日本語）").fill("挑戦・成長");
  await page.getByLabel("タグ名（英語）").fill("Challenge and growth");
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByRole("status")).toHaveText("タグを追加しました。");
  await checkA11y();
  await page.getByRole("button", { name: "挑戦・成長を無効にする" }).click();
  await expect(page.getByRole("row", { name: /挑戦・成長/ })).toContainText("無効");
  await checkA11y();
  const refused = await page.goto("/manage/moderation");
  expect(refused?.status()).toBe(403);
  await checkA11y();
  await page.goto("/");
  await page.getByRole("button", { name: "ログアウト" }).click();
  // Signing in again before the sign-out has landed would find HR still signed in.
  await expect(page).toHaveURL(/\/login\?signedOut=1/);

  await signIn("admin");
  await page.goto("/manage/moderation");
  await expect(page.getByRole("heading", { level: 1, name: "報告されたメッセージ" })).toBeVisible();
  await checkA11y();
});
