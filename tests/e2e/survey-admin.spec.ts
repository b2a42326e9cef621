import { expect, test } from "./fixtures";

const CODES = Array.from({ length: 15 }, (_, i) => `Q${String(i + 1).padStart(2, "0")}`);

function answersCsv(rows: string[][]): Buffer {
  return Buffer.from([["所属", ...CODES].join(","), ...rows.map((row) => row.join(","))].join("\r\n"));
}

test("HR creates a survey, overrides a target and imports past answers, all or nothing", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "アンケート管理" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "アンケート管理" })).toBeVisible();
  await checkA11y();

  await page.getByLabel("作成元").selectOption({ label: "テンプレート: 令和5年度 職員アンケート（現在の職場に関する調査）" });
  await page.getByLabel("コード").fill("e2e-fy2030");
  await page.getByLabel("年度").fill("2030");
  await page.getByLabel("開始日").fill("2030-06-01");
  await page.getByLabel("終了日").fill("2030-05-01");
  await page.getByRole("button", { name: "作成する" }).click();
  await expect(page.getByRole("alert")).toContainText("終了日は開始日より後にしてください。");
  await checkA11y();
  await page.getByLabel("終了日").fill("2030-06-30");
  await page.getByRole("button", { name: "作成する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "令和12年度 職員アンケート（現在の職場に関する調査）" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("アンケート「e2e-fy2030」を作成しました。");
  await checkA11y();

  await page.getByLabel("Q06 の目標値").fill("2.8");
  await page.getByRole("button", { name: "目標値を保存" }).click();
  await expect(page.getByRole("status")).toHaveText("目標値を保存しました。");
  await page.reload();
  await expect(page.getByLabel("Q06 の目標値")).toHaveValue("2.800");
  await checkA11y();

  await page.getByRole("link", { name: "過去の回答を取り込む" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "過去の回答の取り込み" })).toBeVisible();
  await checkA11y();
  const sheet = (department: string, value: string) => [department, ...CODES.map(() => value)];
  const bad = answersCsv([sheet("総務部", "3"), sheet("総務部", "5")]);
  await page.getByLabel("CSVファイル").setInputFiles({ name: "answers.csv", mimeType: "text/csv", buffer: bad });
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByRole("alert")).toContainText("15件の誤りがあるため、何も取り込んでいません。");
  await expect(page.getByRole("list", { name: "過去の回答の取り込み" })).toContainText("3行目「Q01」列: 「5」は選択肢の範囲外です。");
  await checkA11y();

  const good = answersCsv(Array.from({ length: 6 }, (_, i) => sheet("総務部", i % 2 === 0 ? "そう思う" : "２")));
  await page.getByLabel("CSVファイル").setInputFiles({ name: "answers.csv", mimeType: "text/csv", buffer: good });
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByRole("status")).toHaveText("6件の回答を取り込みました。");
  await checkA11y();

  await page.goto("/results/e2e-fy2030");
  const q06 = page.getByRole("table", { name: "設問別の回答数、平均値、基準値、目標値と達成状況" }).getByRole("row", { name: /^Q06 / });
  await expect(q06.getByRole("cell").nth(1)).toHaveText("6");
  await expect(q06.getByRole("cell").nth(2)).toHaveText("3.000");
  await expect(q06).toContainText("2.800");
  await checkA11y();
});
