import { expect, test } from "./fixtures";

const COVERAGE_TABLE = "部ごとの参加者数、目安件数を送った人、1件以上受け取った人、受け取っていない人";
/** The demo round is the last half-year before today, named like 令和8年度 上期 I・メッセージ. */
const DEMO_ROUND = /^令和\d+年度 [上下]期 I・メッセージ$/;

test("@imessage HR sees the demo round's coverage per department, counts only", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "360°ラウンド" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "360°ラウンド" })).toBeVisible();
  await checkA11y();

  const demoRow = page.getByRole("table", { name: "360°ラウンドの一覧" }).getByRole("row").filter({ has: page.getByRole("link", { name: DEMO_ROUND }) });
  await expect(demoRow).toContainText("終了");
  await demoRow.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ROUND })).toBeVisible();
  await checkA11y();

  const coverage = page.getByRole("table", { name: COVERAGE_TABLE });
  await expect(coverage.getByRole("row", { name: /^総務部 / })).toBeVisible();
  await expect(coverage.getByRole("row", { name: /^全体 / }).getByRole("cell").first()).toHaveText(/^\d+$/);
  await expect(page.getByRole("button", { name: "ラウンドを終了する" })).toHaveCount(0);

  await page.getByRole("link", { name: "360°ラウンドの一覧へ戻る" }).click();
  await page.getByRole("link", { name: "I・メッセージの活動分析を見る" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "I・メッセージの活動分析" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^部別の年間の活動と、アンケートのQ05・Q15の平均値/ })).toBeVisible();
  await checkA11y();

  await page.getByLabel("部", { exact: true }).selectOption("総務部");
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/department=/);
  await expect(page.getByRole("table", { name: /^月別の送信件数と、1件以上送った人・受け取った人の割合（総務部）/ })).toBeVisible();
  await checkA11y();
});

test("@imessage HR opens a round for one department and closes it", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/manage/rounds");
  await checkA11y();
  await page.getByLabel("名称（日本語）").fill("企画経営部 試行ラウンド");
  await page.getByLabel("名称（英語）").fill("Planning trial round");
  await page.getByLabel("終了日").fill("2099-03-31");
  await page.getByLabel("1件以上は自分の上司あてに送るよう依頼する").check();
  await page.getByLabel("選んだ部の職員").check();
  await page.getByRole("button", { name: "ラウンドを開く" }).click();
  await expect(page.getByRole("alert")).toContainText("対象の部を1つ以上選んでください。");
  await checkA11y();

  await page.getByRole("group", { name: "部" }).getByLabel("企画経営部").check();
  await page.getByRole("button", { name: "ラウンドを開く" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "企画経営部 試行ラウンド" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("ラウンドを開きました。");
  await expect(page.getByRole("table", { name: COVERAGE_TABLE }).getByRole("row", { name: /^企画経営部 / })).toBeVisible();
  await checkA11y();

  await page.getByRole("button", { name: "ラウンドを終了する" }).click();
  await expect(page.getByRole("status")).toHaveText("ラウンドを終了しました。");
  await checkA11y();
});

test("@imessage demo staff follows its rounds and reads the strengths report of the closed one", async ({ page, signIn, checkA11y }) => {
  await signIn("staff");
  await page.goto("/messages/rounds");
  await expect(page.getByRole("heading", { level: 1, name: "参加している360°ラウンド" })).toBeVisible();
  const demoRound = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: DEMO_ROUND }) });
  await expect(demoRound).toContainText("3件中2件を送りました（あと1件）。上司へはまだ送っていません。");
  await checkA11y();

  await demoRound.getByRole("link", { name: "強みレポートを見る" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "強みレポート" })).toBeVisible();
  await expect(page.getByText(/^このラウンドで\d+件のI・メッセージを受け取りました。$/)).toBeVisible();
  await expect(page.getByRole("table", { name: "価値タグ別の受け取った件数" })).toBeVisible();
  await expect(page.getByRole("table", { name: "送ってくれた人との関係別の受け取った件数" })).toBeVisible();
  await checkA11y();

  // Printing leaves the navigation out and keeps the report.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "メインメニュー" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "強みレポート" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
});
