import { expect, test } from "./fixtures";

test("HR chooses coarser reporting groups before opening and sees fewer staff left in small combinations", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/manage/surveys");
  await checkA11y();
  await page.getByLabel("作成元").selectOption({ label: "テンプレート: 令和5年度 職員アンケート（現在の職場に関する調査）" });
  await page.getByLabel("コード").fill("e2e-reporting");
  await page.getByLabel("年度").fill("2031");
  await page.getByLabel("開始日").fill("2031-06-01");
  await page.getByLabel("終了日").fill("2031-06-30");
  await page.getByRole("button", { name: "作成する" }).click();
  const section = page.getByRole("region", { name: "集計区分（回答に記録する区分）" });
  await expect(section).toBeVisible();
  const before = Number((await section.getByText(/この設定では/).textContent())?.match(/うち(\d+)人/)?.[1] ?? "0");
  expect(before).toBeGreaterThan(0);
  await checkA11y();

  await section.getByLabel("職層").selectOption({ label: "職層（管理職・監督職・一般職）" });
  await section.getByLabel("年代").selectOption({ label: "記録しない" });
  await section.getByRole("button", { name: "集計区分を保存" }).click();
  await expect(page.getByRole("status")).toHaveText("集計区分を保存しました。");
  await expect(section.getByLabel("職層")).toHaveValue("band");
  const text = (await section.getByText(/この設定では/).textContent()) ?? "";
  const after = Number(text.match(/うち(\d+)人/)?.[1] ?? "0");
  expect(after).toBeLessThan(before);
  await checkA11y();
});
