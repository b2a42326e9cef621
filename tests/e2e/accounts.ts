import type { Browser, Page } from "@playwright/test";
import { accounts, expect, expectAccessible, seriousViolations } from "./fixtures";

export async function signInWith(page: Page, employeeNumber: string, password: string) {
  await page.getByLabel("職員番号").fill(employeeNumber);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
}

/**
 * axe runs as a script, which a page without JavaScript cannot run: such a page's HTML is
 * checked in a page of the same origin that has scripts, with the app's own scripts left out.
 */
export async function checkerWithoutScripts(browser: Browser) {
  const checkerContext = await browser.newContext();
  const checker = await checkerContext.newPage();
  await checker.goto("/healthz");
  return {
    check: async (page: Page) => {
      await page.waitForLoadState("load");
      const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, "");
      await checker.setContent(html, { waitUntil: "load" });
      expect(await seriousViolations(checker), `axe on ${page.url()} (without JavaScript)`).toEqual([]);
    },
    close: () => checkerContext.close(),
  };
}

/**
 * A demo staff member who has done nothing yet, made able to sign in: HR issues a setup code
 * (in a context of its own), the person sets `password` on `page` and signs in. Every page is
 * checked with `check`.
 */
export async function signInAsNewcomer(
  browser: Browser,
  page: Page,
  employeeNumber: string,
  password: string,
  check: (page: Page) => Promise<void>,
) {
  const hrContext = await browser.newContext();
  const hr = await hrContext.newPage();
  await hr.goto("/login");
  await signInWith(hr, accounts.hr.employeeNumber, accounts.hr.password);
  await expect(hr.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
  await hr.goto(`/roster/${employeeNumber}`);
  await expectAccessible(hr);
  await hr.getByRole("button", { name: /セットアップコードを発行/ }).click();
  const code = (await hr.locator(".code-display").textContent())?.trim() ?? "";
  expect(code).not.toBe("");
  await expectAccessible(hr);
  await hrContext.close();

  await page.goto("/setup");
  await check(page);
  await page.getByLabel("職員番号").fill(employeeNumber);
  await page.getByLabel("セットアップコード").fill(code);
  await page.getByLabel(/^新しいパスワード(?!（確認）)/).fill(password);
  await page.getByLabel("新しいパスワード（確認）").fill(password);
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page).toHaveURL(/\/login\?setup=done/);
  await check(page);
  await signInWith(page, employeeNumber, password);
  await expect(page.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
  await check(page);
}
