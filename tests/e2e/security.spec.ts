import type { Page } from "@playwright/test";
import { signInAsNewcomer, signInWith } from "./accounts";
import { accounts, expect, test } from "./fixtures";
import { question, waitForScripts } from "./survey-page";

const SURVEY = "kpi-fy2024";
const PASSWORD = "drafts-belong-to-one-person";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

test("answers in progress on a shared browser stay with the person who typed them", async ({ page, browser, checkA11y }) => {
  // Four sign-ins at full password-hashing cost.
  test.setTimeout(180_000);
  await signInAsNewcomer(browser, page, "000193", PASSWORD, async () => checkA11y());
  const surveyPage = await page.goto(`/surveys/${SURVEY}`);
  // Without JavaScript nothing is kept in the browser, and Back must not bring the page back from cache.
  expect(surveyPage?.headers()["cache-control"]).toBe("no-store");
  await waitForScripts(page);
  await checkA11y();
  await page.getByRole("button", { name: "回答をはじめる" }).click();
  for (const code of ["Q01", "Q02", "Q03", "Q04", "Q05"]) await question(page, code).getByLabel("そう思う", { exact: true }).check();
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByText("セクション 2 / 3")).toBeVisible();
  await question(page, "Q06").getByLabel("そう思わない", { exact: true }).check();
  await checkA11y();

  // What the browser holds is unreadable without the person's key, under a name that says nothing.
  await expect.poll(() => page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith("yell:draft:")).length)).toBe(1);
  const stored = await page.evaluate(() => JSON.stringify(window.localStorage));
  expect(stored).not.toContain("Q06");
  expect(stored).not.toContain(SURVEY);

  await signOut(page);
  await checkA11y();
  await signInWith(page, accounts.hr.employeeNumber, accounts.hr.password);
  await expect(page.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
  await checkA11y();
  await page.goto(`/surveys/${SURVEY}`);
  await waitForScripts(page);
  await expect(page.getByRole("button", { name: "回答をはじめる" })).toBeVisible();
  await expect(page.getByText("前回の入力内容を復元しました")).toHaveCount(0);
  await page.getByRole("button", { name: "回答をはじめる" }).click();
  await expect(question(page, "Q01").getByLabel("そう思う", { exact: true })).not.toBeChecked();
  await checkA11y();

  await signOut(page);
  await signInWith(page, "000193", PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
  await checkA11y();
  await page.goto(`/surveys/${SURVEY}`);
  await expect(page.getByRole("status")).toContainText("前回の入力内容を復元しました");
  await expect(page.getByText("セクション 2 / 3")).toBeVisible();
  await expect(question(page, "Q06").getByLabel("そう思わない", { exact: true })).toBeChecked();
  await checkA11y();
});

test("HR cannot issue a setup code for an administrator", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  await page.goto(`/roster/${accounts.admin.employeeNumber}`);
  await expect(page.getByText("人事担当者・管理者のセットアップコードは、管理者だけが発行できます。")).toBeVisible();
  await expect(page.getByRole("button", { name: /セットアップコードを発行/ })).toHaveCount(0);
  await checkA11y();
  const origin = new URL(page.url()).origin;
  const forced = await page.request.post(`/roster/${accounts.admin.employeeNumber}`, { headers: { Origin: origin }, form: { intent: "issueSetupCode" } });
  expect(forced.status()).toBe(403);
});

test("pages run their scripts under a per-request nonce, and bad bodies get 400, never 500", async ({ page, request, checkA11y }) => {
  const response = await page.goto("/login");
  await checkA11y();
  const policy = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  // The scripts ran (the router is there), so the nonce reached every inline script.
  await waitForScripts(page);

  const origin = new URL(page.url()).origin;
  for (const path of ["/login", "/setup", "/language", "/logout", `/surveys/${SURVEY}`, "/messages/new", "/manage/tags"]) {
    for (const [type, data] of [
      ["application/json", '{"a":1}'],
      ["text/plain", "a=1"],
      ["multipart/form-data; boundary=x", "--x\r\nbroken"],
    ] as const) {
      const sent = await request.post(path, { headers: { Origin: origin, "Content-Type": type }, data, maxRedirects: 0 });
      expect({ path, type, status: sent.status() }).toEqual({ path, type, status: 400 });
      expect(sent.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  }
  const huge = await request.post("/login", { headers: { Origin: origin }, form: { employeeNumber: "x".repeat(100 * 1024) }, maxRedirects: 0 });
  expect(huge.status()).toBe(413);
  const nullOrigin = await request.post("/login", {
    headers: { Origin: "null", Referer: `${origin}/login` },
    form: { employeeNumber: "000001", password: "not the password" },
    maxRedirects: 0,
  });
  expect(nullOrigin.status()).toBe(400);
  expect(await nullOrigin.text()).toContain("職員番号またはパスワードが正しくありません");
});

test("pages and data about a signed-in person are never stored by the browser", async ({ page, signIn, checkA11y }) => {
  await signIn("staff");
  const messages = await page.goto("/messages");
  expect(messages?.status()).toBe(200);
  expect(messages?.headers()["cache-control"]).toBe("no-store");
  await checkA11y();
  const data = await page.request.get("/messages?_data=routes%2Fmessages._index");
  expect(data.status()).toBe(200);
  expect(data.headers()["cache-control"]).toBe("no-store");
  // Static assets keep their long-lived caching.
  const stylesheet = await page.request.get((await page.locator('link[rel="stylesheet"]').first().getAttribute("href"))!);
  expect(stylesheet.headers()["cache-control"]).toContain("max-age");
  // So do the files at the top of public/, each served by its own route.
  const icon = await page.request.get("/favicon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(icon.headers()["cache-control"]).toBe("public, max-age=3600");
  expect((await page.request.get("/favicon.ico", { maxRedirects: 0 })).headers()["location"]).toBe("/favicon.svg");
});
