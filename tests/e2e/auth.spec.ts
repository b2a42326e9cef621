import { accounts, expect, test } from "./fixtures";

test("an HR user signs in and sees the staff roster", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "職員名簿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "職員名簿" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("氏名・カナ・職員番号").fill("000002");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page.getByRole("table")).toContainText("000002");
  await checkA11y();
});

test("a wrong password is refused with a message and no session", async ({ page, checkA11y }) => {
  await page.goto("/login");
  await page.getByLabel("職員番号").fill(accounts.staff.employeeNumber);
  await page.getByLabel("パスワード").fill("not-the-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("alert")).toContainText("職員番号またはパスワードが正しくありません");
  await checkA11y();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
  await checkA11y();
});

test("a staff member is refused on HR pages", async ({ page, signIn, checkA11y }) => {
  await signIn("staff");
  await expect(page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "職員名簿" })).toHaveCount(0);
  for (const path of ["/roster", "/roster/import", `/roster/${accounts.hr.employeeNumber}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("このページを表示する権限がありません");
    await checkA11y();
  }
});

test("the language switch changes the interface and is remembered", async ({ page, signIn, checkA11y }) => {
  await signIn("staff");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await checkA11y();
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ログイン" })).toBeVisible();
  await checkA11y();
});

test("sign-in works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("職員番号").fill(accounts.staff.employeeNumber);
  await page.getByLabel("パスワード").fill(accounts.staff.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
  await context.close();
});

test("a form posted from another origin is refused before it reaches the app", async ({ request }) => {
  const foreign = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { employeeNumber: accounts.staff.employeeNumber, password: accounts.staff.password },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  const own = await request.post("/login", {
    headers: { Origin: new URL(foreign.url()).origin },
    form: { employeeNumber: accounts.staff.employeeNumber, password: accounts.staff.password },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(302);
});

test("a signed-in member is told when the current password is wrong", async ({ page, signIn, checkA11y }) => {
  await signIn("staff");
  await page.getByRole("link", { name: "パスワードの変更" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "パスワードの変更" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("今のパスワード").fill("not my password");
  await page.getByLabel("新しいパスワード").first().fill("a brand new password");
  await page.getByLabel("新しいパスワード（確認）").fill("a brand new password");
  await page.getByRole("button", { name: "パスワードを変更する" }).click();
  await expect(page.getByRole("alert")).toContainText("今のパスワードが正しくありません。");
  await checkA11y();
});
