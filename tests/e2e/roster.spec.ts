import { expect, test } from "./fixtures";

const header = "職員番号,氏名,氏名カナ,所属,職層,雇用形態,生年";

test("HR issues a setup code and the new member sets a password and signs in", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto("/roster/000188");
  await checkA11y();
  await page.getByRole("button", { name: "セットアップコードを発行する" }).click();
  const code = (await page.locator(".code-display").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await checkA11y();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await checkA11y();

  await page.getByRole("link", { name: "パスワードを設定する" }).click();
  await checkA11y();
  await page.getByLabel("職員番号").fill("000188");
  await page.getByLabel("セットアップコード").fill(code.toLowerCase());
  await page.getByLabel("新しいパスワード").first().fill("a long new password");
  await page.getByLabel("新しいパスワード（確認）").fill("a long new password");
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page.getByRole("status")).toHaveText("パスワードを設定しました。ログインしてください。");
  await checkA11y();

  await page.getByLabel("職員番号").fill("000188");
  await page.getByLabel("パスワード").fill("a long new password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
  await checkA11y();

  // The code works once only.
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await page.goto("/setup");
  await page.getByLabel("職員番号").fill("000188");
  await page.getByLabel("セットアップコード").fill(code);
  await page.getByLabel("新しいパスワード").first().fill("another long password");
  await page.getByLabel("新しいパスワード（確認）").fill("another long password");
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page.getByRole("alert")).toContainText("すでに使用されています");
  await checkA11y();

  // The issue and the password set with it are on record, with who did them.
  await signIn("hr");
  await page.getByRole("link", { name: "操作の記録" }).click();
  const rows = page.getByRole("table", { name: "操作の記録（新しい順）" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("セットアップコードでのパスワード設定");
  await expect(rows.nth(1)).toContainText("職員番号: 000188");
  await expect(rows.nth(1)).toContainText("コードを発行した人: 000002");
  await expect(rows.nth(2)).toContainText("セットアップコードの発行");
  await expect(rows.nth(2)).toContainText("000002");
  await expect(rows.nth(2)).toContainText("000188");
  await checkA11y();
});

test("a roster file with a bad row is refused with its line and column, and a good one is previewed and imported", async ({
  page,
  signIn,
  checkA11y,
}) => {
  await signIn("hr");
  await page.goto("/roster/import");
  await checkA11y();
  const bad = [header, "900001,品川 花子,シナガワ ハナコ,総務部/人事課/研修係,主事,常勤,1995", "900002,大井 一郎,オオイ イチロウ,総務部/人事課,係長補佐,常勤,1980"];
  await page.getByLabel("名簿ファイル（CSV）").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(bad.join("\r\n")) });
  await page.getByRole("button", { name: "内容を確認する" }).click();
  const issues = page.getByRole("table", { name: "ファイルの誤り" });
  await expect(issues.getByRole("row")).toHaveCount(2);
  await expect(issues.getByRole("row").nth(1).getByRole("cell").nth(0)).toHaveText("3");
  await expect(issues.getByRole("row").nth(1)).toContainText("職層");
  await checkA11y();

  await page.goto("/roster?q=900001");
  await expect(page.getByText("条件に合う職員はいません。")).toBeVisible();
  await checkA11y();

  await page.goto("/roster/import");
  const good = [header, "900001,品川 花子,シナガワ ハナコ,総務部/人事課/研修係,主事,常勤,1995"];
  await page.getByLabel("名簿ファイル（CSV）").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(good.join("\r\n")) });
  await page.getByRole("button", { name: "内容を確認する" }).click();
  await expect(page.getByRole("heading", { name: "取り込み内容の確認" })).toBeVisible();
  await expect(page.getByRole("table", { name: /追加される職員/ })).toContainText("品川　花子");
  await checkA11y();
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await checkA11y();
  await page.goto("/roster?q=900001");
  await expect(page.getByRole("table")).toContainText("品川　花子");
  await checkA11y();
});
