import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

const REASON = "業務と関係のない内容だと思います（テスト）";

test("an admin finds a report from the menu and closes it; the audit log says so in words, filtered and as CSV", async ({
  page,
  signIn,
  checkA11y,
}) => {
  await signIn("staff");
  await page.goto("/messages");
  await checkA11y();
  await page.getByRole("link", { name: /さんから$/ }).first().click();
  await checkA11y();
  await page.getByText("不適切なメッセージの報告").click();
  await page.getByLabel("報告の理由").fill(REASON);
  await page.getByRole("button", { name: "報告する", exact: true }).click();
  await expect(page.getByText("このメッセージを報告しました。管理者が確認します。")).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await checkA11y();

  await signIn("admin");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "通報の確認" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "報告されたメッセージ" })).toBeVisible();
  const reported = page.getByRole("article").filter({ hasText: REASON });
  await expect(reported).toHaveCount(1);
  await checkA11y();
  await reported.getByRole("button", { name: "問題なしとして報告を閉じる" }).click();
  await expect(page.getByRole("status")).toHaveText("報告を閉じました。メッセージは受信者に表示されたままです。");
  await expect(page.getByRole("article").filter({ hasText: REASON })).toHaveCount(0);
  await checkA11y();

  await page.goto("/");
  await page.getByRole("link", { name: "操作の記録" }).click();
  await page.getByLabel("操作の区分").selectOption({ label: "I・メッセージ" });
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/area=imessage/);
  const rows = page.getByRole("table", { name: "操作の記録（新しい順）" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("通報の取り下げ（問題なし）");
  await expect(rows.nth(1)).toContainText("（000001）");
  await expect(rows.nth(2)).toContainText("I・メッセージの通報");
  await expect(rows.nth(2)).toContainText("（000100）");
  // Neither the reason nor the message is on record.
  await expect(page.getByText(REASON)).toHaveCount(0);
  await checkA11y();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "この条件でCSVを書き出す" }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[1]).toContain("通報の取り下げ（問題なし）");
  expect(lines.slice(1).every((line) => line.includes("I・メッセージ") || line.includes("通報"))).toBe(true);
  expect(csv).not.toContain(REASON);
});
