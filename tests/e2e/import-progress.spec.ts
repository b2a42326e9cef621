import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const CODES = Array.from({ length: 15 }, (_, i) => `Q${String(i + 1).padStart(2, "0")}`);
const DEPARTMENTS = ["総務部", "企画経営部", "区民生活部", "福祉部"];

/** A past year's answers, large enough that writing them takes several progress steps. */
function largeAnswersFile(rows: number): Buffer {
  const lines = [["所属", ...CODES].join(",")];
  for (let i = 0; i < rows; i++) lines.push([DEPARTMENTS[i % DEPARTMENTS.length], ...CODES.map((_, q) => String(1 + ((i * 7 + q) % 4)))].join(","));
  return Buffer.from(lines.join("\r\n"));
}

async function createSurvey(page: Page, checkA11y: () => Promise<void>, code: string, fiscalYear: number) {
  await page.goto("/manage/surveys");
  await checkA11y();
  await page.getByLabel("作成元").selectOption({ label: "テンプレート: 令和5年度 職員アンケート（現在の職場に関する調査）" });
  await page.getByLabel("コード").fill(code);
  await page.getByLabel("年度").fill(String(fiscalYear));
  await page.getByLabel("開始日").fill(`${fiscalYear}-06-01`);
  await page.getByLabel("終了日").fill(`${fiscalYear}-06-30`);
  await page.getByRole("button", { name: "作成する" }).click();
  await expect(page.getByRole("status")).toHaveText(`アンケート「${code}」を作成しました。`);
  await checkA11y();
}

test("a large import shows its rows read, checked and written moving until it is done", async ({ page, signIn, checkA11y }) => {
  // Generous: the point is watching the indicator move, on a machine that may be busy.
  test.setTimeout(300_000);
  const rows = 20_000;
  await signIn("hr");
  await createSurvey(page, checkA11y, "e2e-progress", 2031);
  await page.goto("/manage/surveys/e2e-progress/import");
  await checkA11y();
  await page.getByLabel("CSVファイル").setInputFiles({ name: "answers.csv", mimeType: "text/csv", buffer: largeAnswersFile(rows) });
  await page.getByRole("button", { name: "取り込む" }).click();

  const progress = page.getByRole("progressbar", { name: "書き込みの進み具合" });
  await expect(progress).toBeVisible();
  await checkA11y();
  // Record every value the indicator shows until the import ends and the page reports it.
  const seen = new Set<number>();
  const done = page.getByRole("status").filter({ hasText: `${rows}件の回答を取り込みました。` });
  while (!(await done.isVisible())) {
    const value = await progress.getAttribute("value", { timeout: 1_000 }).catch(() => null);
    if (value !== null) seen.add(Number(value));
    await page.waitForTimeout(100);
  }
  const between = [...seen].filter((value) => value > 0 && value < rows);
  expect(between.length, `values seen: ${[...seen].join(", ")}`).toBeGreaterThan(0);
  await expect(page.getByTestId("rows-read")).toHaveCount(0);
  await checkA11y();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // The page refreshes itself while the import runs (it may also simply answer once it is done).
  // Known failure after the merges of 2026-11-29: the axe check of the no-JS sign-in page hangs
  // under the nonce CSP in this spec only; to be fixed in the next session (see the closing note).
  test("an import started without JavaScript ends on its outcome", async ({ page, signIn, checkA11y }) => {
    test.setTimeout(240_000);
    await signIn("hr");
    await createSurvey(page, checkA11y, "e2e-progress-nojs", 2032);
    await page.goto("/manage/surveys/e2e-progress-nojs/import");
    await checkA11y();
    await page.getByLabel("CSVファイル").setInputFiles({ name: "answers.csv", mimeType: "text/csv", buffer: largeAnswersFile(2_000) });
    await page.getByRole("button", { name: "取り込む" }).click();
    await expect(page.getByRole("status").filter({ hasText: "2000件の回答を取り込みました。" })).toBeVisible({ timeout: 120_000 });
    await checkA11y();
  });
});
