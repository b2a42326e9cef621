import { signInWith } from "./accounts";
import { accounts, expect, test } from "./fixtures";

/** The demo's 人事課長 (see the README's demo accounts). */
const SECTION_CHIEF = { employeeNumber: "000019", password: "yell-manager-2026" };
const FY2022 = "kpi-fy2022";
const FY2022_TITLE = /令和4年度 職員アンケート/;

// Each test signs in and visits several pages, each checked with axe.
test.slow();

test("a 課長 sees their 課's results and gets a 403 for another 部's", async ({ page, checkA11y, allowConsoleErrors }) => {
  await page.goto("/login");
  await checkA11y();
  await signInWith(page, SECTION_CHIEF.employeeNumber, SECTION_CHIEF.password);
  await expect(page.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible({ timeout: 20_000 });
  await checkA11y();
  await page.getByRole("link", { name: "所属の集計結果" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "所属の集計結果" })).toBeVisible();
  await checkA11y();

  await page.getByRole("region", { name: FY2022_TITLE }).getByRole("link", { name: "総務部/人事課の集計結果" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "総務部/人事課の集計結果" })).toBeVisible();
  const table = page.getByRole("table", { name: /所属（部）別の設問ごとの平均値/ });
  await expect(table.getByRole("row", { name: /^総務部\/人事課 / })).toBeVisible();
  await expect(table.getByRole("row", { name: /^区民生活部/ })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "設問ごとの区全体の平均値と目標値" })).toBeVisible();
  await checkA11y();

  allowConsoleErrors(/403/);
  const refused = await page.goto(`/results/${FY2022}/unit?unit=${encodeURIComponent("区民生活部")}`);
  expect(refused?.status()).toBe(403);
  await checkA11y();
});

test("HR opens the heatmap with suppressed cells marked, and records an action on Q08", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto(`/results/${FY2022}`);
  await checkA11y();
  await page.getByRole("link", { name: "ヒートマップ（属性×設問）" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /ヒートマップ/ })).toBeVisible();
  const heatmap = page.getByRole("table", { name: /所属（部）別の設問ごとの平均値（区全体の平均値との差で色分け）/ });
  await expect(heatmap).toBeVisible();
  await expect(heatmap.getByText("回答者が少ないため非表示").first()).toBeAttached();
  await expect(heatmap.getByRole("row", { name: /^総務部\/人事課 / }).getByRole("cell").nth(1)).toHaveText(/^\d\.\d{3}[▲▼]?[+−±]\d\.\d{3}/);
  await checkA11y();

  await page.goto(`/results/${FY2022}`);
  await page.getByRole("link", { name: "取組を記録・確認する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /取組（アクションプラン）/ })).toBeVisible();
  await checkA11y();
  await page.getByLabel("取組内容").fill("係長向けの傾聴研修を実施");
  await page.getByLabel("担当（課・担当者）").fill("人事課研修係");
  await page.getByLabel("期限").fill("2024-02-29");
  await page.getByRole("checkbox", { name: /^Q08 / }).check();
  await page.getByRole("button", { name: "記録する" }).click();
  await expect(page.getByRole("status")).toHaveText("取組を記録しました。");
  await expect(page.getByRole("row", { name: /係長向けの傾聴研修を実施/ })).toContainText("Q08");
  await checkA11y();

  // The next year's survey shows the action with Q08's change since FY2022.
  await page.goto("/results/kpi-fy2023");
  await expect(page.getByRole("heading", { level: 2, name: "前年度の取組とKPIの変化" })).toBeVisible();
  const change = page.getByRole("table", { name: "「係長向けの傾聴研修を実施」の対象KPIの変化" }).getByRole("row", { name: /^Q08 / });
  await expect(change.getByRole("cell").nth(2)).toHaveText(/^\+0\.\d{3}$/);
  await checkA11y();
});

test("staff see the published summary with the ward's KPIs and the actions", async ({ page, signIn, checkA11y }) => {
  expect(accounts.staff.employeeNumber).toBe("000100");
  await signIn("staff");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "結果の共有" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "アンケート結果の共有" })).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: FY2022_TITLE }).click();
  await expect(page.getByText(/上司との対話（Q08）が目標を大きく下回りました/)).toBeVisible();
  await expect(page.getByRole("table", { name: "設問別の回答数、平均値、基準値、目標値と達成状況" })).toBeVisible();
  await expect(page.getByRole("row", { name: /課長による月1回の1on1ミーティング/ })).toBeVisible();
  await checkA11y();
});
