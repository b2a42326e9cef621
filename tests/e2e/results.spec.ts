import { readFile } from "node:fs/promises";
import { accounts, expect, test } from "./fixtures";

const FY2023_TITLE = "令和5年度 職員アンケート（現在の職場に関する調査）";
const KPI_TABLE = "設問別の回答数、平均値、基準値、目標値と達成状況";

test("HR reads the FY2023 results, breaks them down by age and downloads the KPI table", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "集計結果" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "集計結果" })).toBeVisible();
  await expect(page.getByRole("row", { name: /kpi-fy2023/ })).toContainText("令和5年度（2023年度）");
  await checkA11y();

  await page.getByRole("row", { name: /kpi-fy2023/ }).getByRole("link", { name: FY2023_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: FY2023_TITLE })).toBeVisible();
  const q01 = page.getByRole("table", { name: KPI_TABLE }).getByRole("row", { name: /^Q01 / });
  await expect(q01.getByRole("cell").nth(2)).toHaveText("2.577");
  await expect(q01.getByRole("cell").nth(4)).toHaveText("3.000");
  await expect(page.getByRole("heading", { level: 2, name: "ロジックモデル" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /中間アウトカム 11/ })).toBeVisible();
  // Once drawn, the charts' tables step aside for sighted readers but stay for screen readers.
  await expect(page.getByRole("img", { name: /平均値を棒で/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /100%の積み上げ横棒/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "設問別の平均値と基準値・目標値" })).toBeAttached();
  await checkA11y();

  await page.getByLabel("集計区分").selectOption({ label: "年代" });
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/\?by=age_band$/);
  await expect(page.getByRole("table", { name: "年代別の設問ごとの平均値" })).toBeVisible();
  await checkA11y();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "KPI表（CSV）（年代別）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("kpi-fy2023_KPI表_年代別.csv");
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.split("\r\n")[0]).toContain("平均値");
  expect(text).toContain("29歳以下");
});

// axe runs as a script in the page, so it cannot check a page without JavaScript; the markup is
// the same server rendering the test above checks, chart tables included (hidden, not removed).
test("without JavaScript the charts' numbers are tables and the breakdown form still works", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login?redirectTo=%2Fresults%2Fkpi-fy2023");
  await page.getByLabel("職員番号").fill(accounts.hr.employeeNumber);
  await page.getByLabel("パスワード").fill(accounts.hr.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("heading", { level: 1, name: FY2023_TITLE })).toBeVisible();
  await expect(page.getByRole("img")).toHaveCount(0);
  const meanChartTable = page.getByRole("table", { name: "設問別の平均値と基準値・目標値" });
  await expect(meanChartTable).toBeVisible();
  await expect(meanChartTable.getByRole("row", { name: /^Q01 / }).getByRole("cell")).toHaveText(["2.577", "2.577", "3.000"]);

  await page.getByLabel("集計区分").selectOption({ label: "年代" });
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/\?by=age_band$/);
  await expect(page.getByRole("table", { name: "年代別の設問ごとの平均値" })).toBeVisible();
  await expect(page.getByText(/回答者が5人未満の区分は表示しません/)).toBeVisible();
  await context.close();
});

test("HR follows the KPI survey from FY2023 to FY2024 on the trend page", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/results/kpi-fy2024");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // FY2024 is still open: counts only, so no one can compare figures before and after an answer.
  await expect(page.getByText(/回答受付中は、回答者数と回答率だけを表示します/)).toBeVisible();
  await expect(page.getByRole("table", { name: /設問別の回答数、平均値/ })).toHaveCount(0);
  await checkA11y();

  await page.getByRole("link", { name: "年度ごとの推移" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /年度ごとの推移/ })).toBeVisible();
  const years = page.getByRole("table", { name: "推移に含まれる年度" });
  await expect(years.getByRole("row", { name: /令和5年度（2023年度）/ })).toContainText("kpi-fy2023");
  await expect(years.getByRole("row", { name: /令和6年度（2024年度）/ })).toContainText("kpi-fy2024");

  const table = page.getByRole("table", { name: "設問別の平均値と前年度からの変化" });
  await expect(table.getByRole("columnheader", { name: "令和5年度（2023年度） 平均値" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "令和6年度（2024年度） 前年度からの変化" })).toBeVisible();
  // The demo's FY2022 survey comes first in the series: FY2022 mean, then each later year's mean and change.
  const q01 = table.getByRole("row", { name: /^Q01 / }).getByRole("cell");
  await expect(q01.nth(0)).toHaveText(/^\d\.\d{3}$/);
  await expect(q01.nth(1)).toHaveText("2.577");
  await expect(q01.nth(2)).toHaveText(/^[+−±]\d\.\d{3}$/);
  // The open FY2024 survey gives no mean yet, so no change either.
  await expect(q01.nth(3)).toHaveText("—");
  await expect(q01.nth(4)).toHaveText("—");
  await expect(page.getByRole("img", { name: /設問ごとの折れ線/ })).toBeVisible();
  await checkA11y();
});

test("HR downloads the anonymised FY2023 response data, one row per response", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/results/kpi-fy2023");
  await checkA11y();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "回答データ（匿名、CSV）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("kpi-fy2023_回答データ.csv");
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter((line) => line !== "");
  expect(lines[0]).toMatch(/^所属（部）,職層,年代,雇用形態,Q01,Q02,/);
  expect(lines).toHaveLength(1 + 1736);
  // Streamed in chunks, with one byte order mark at the very start only.
  expect(bytes.subarray(3).includes(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
});
