import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";

test("the council report of FY2023 prints to a PDF of several pages", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/results/kpi-fy2023");
  await checkA11y();
  await page.getByRole("link", { name: "印刷用の報告書" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "令和5年度 職員アンケート（現在の職場に関する調査）" })).toBeVisible();
  await expect(page.getByText("令和5年度（2023年度） / 報告書")).toBeVisible();
  // The date it was prepared is written with the era, as the city's documents are.
  await expect(page.getByText(/^作成日 令和\d+年\d+月\d+日$/)).toBeVisible();
  await expect(page.getByRole("table", { name: "設問別の回答数、平均値、基準値、目標値と達成状況" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "ロジックモデル" })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Q01 の回答の分布/ })).toBeVisible();
  await expect(page.getByText(/^作成日 令和\d+年\d+月\d+日$/)).toBeVisible();
  await expect(page.getByText(/^KPI 15件のうち \d+件が目標値に達しました。$/)).toBeVisible();
  await expect(page.getByRole("table", { name: /所属（部）別の設問ごとの平均値/ })).toBeVisible();
  await checkA11y();

  await page.emulateMedia({ media: "print" });
  // Navigation is screen furniture: it has no place on paper.
  await expect(page.getByRole("navigation", { name: "メインメニュー" })).toBeHidden();
  await expect(page.getByRole("link", { name: "集計結果へ戻る" })).toBeHidden();

  const dir = await mkdtemp(path.join(tmpdir(), "yell-report-"));
  try {
    const file = path.join(dir, "report.pdf");
    await page.pdf({ path: file, format: "A4", printBackground: true });
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = bytes.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
