import { readFile } from "node:fs/promises";
import { fy2022ReasonsCsv } from "../support/fy2022-files";
import { expect, test } from "./fixtures";

const CODE = "e2e-fy2022";

test("HR creates the FY2022 excerpt, imports its answers and reads the reasons by age band", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/manage/surveys");
  await checkA11y();
  await page.getByLabel("作成元").selectOption("template:shinagawa-fy2022-excerpt");
  await page.getByLabel("コード").fill(CODE);
  await page.getByLabel("年度").fill("2022");
  await page.getByLabel("開始日").fill("2023-02-10");
  await page.getByLabel("終了日").fill("2023-02-28");
  await page.getByRole("button", { name: "作成する" }).click();
  await expect(page.getByText(`アンケート「${CODE}」を作成しました。`)).toBeVisible();
  await checkA11y();

  await page.getByRole("link", { name: "過去の回答を取り込む" }).click();
  await page.getByLabel("CSVファイル").setInputFiles({ name: "fy2022.csv", mimeType: "text/csv", buffer: Buffer.from(fy2022ReasonsCsv()) });
  await page.getByRole("button", { name: "取り込む" }).click();
  // The import runs as a background job; the page shows its progress until the job ends.
  await expect(page.getByRole("status")).toHaveText("2216件の回答を取り込みました。", { timeout: 60_000 });
  await checkA11y();

  await page.goto(`/results/${CODE}`);
  await checkA11y();
  await page.getByRole("link", { name: "選択肢の集計とクロス集計（REASONS）" }).click();
  await expect(page).toHaveURL(/\/crosstab\?question=REASONS$/);
  await checkA11y();

  await page.goto(`/results/${CODE}/crosstab`);
  await expect(page.getByRole("heading", { level: 1, name: /クロス集計/ })).toBeVisible();
  await page.getByLabel("設問", { exact: true }).selectOption("REASONS");
  await page.getByLabel("集計の切り口").selectOption({ label: "年代" });
  await page.getByRole("button", { name: "表示" }).click();
  await expect(page).toHaveURL(/question=REASONS&by=age_band$/);
  const table = page.getByRole("table", { name: "REASONS：年代別の回答数" });
  const first = table.getByRole("row", { name: /^働き方に不満がある/ });
  await expect(first.getByRole("cell")).toHaveText([/^88 /, /^147 /, /^71 /, /^53 /, "359"]);
  const last = table.getByRole("row", { name: /^職場までが遠い/ });
  await expect(last.getByRole("cell")).toHaveText([/^19 /, /^34 /, /^19 /, /^17 /, "89"]);
  await checkA11y();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "クロス集計表（CSV）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${CODE}_REASONS_年代別クロス集計.csv`);
  const text = (await readFile((await download.path())!)).subarray(3).toString("utf8");
  expect(text.split("\r\n")[1]).toMatch(/^働き方に不満がある\(テレワーク・フレックスタイムがない等\),88,147,71,53,359,/);
});
