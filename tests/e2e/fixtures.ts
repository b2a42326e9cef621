import AxeBuilder from "@axe-core/playwright";
import { type Browser, type Page, test as base, expect } from "@playwright/test";

export { expect };

export const accounts = {
  admin: { employeeNumber: "000001", password: "yell-admin-2026" },
  hr: { employeeNumber: "000002", password: "yell-hr-2026" },
  staff: { employeeNumber: "000100", password: "yell-staff-2026" },
} as const;

export type AccountName = keyof typeof accounts;

/** Serious or critical axe violations on the current page, described for the failure message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Axe finishes its run in a new blank page of the same context, where scripts cannot run when the
 * context has JavaScript off, so the call never returns. What such a visitor gets is the server's
 * HTML, so axe checks a copy of it, scripts removed, served at the same address (so stylesheets
 * and contrast are the real ones) in a context with JavaScript. The test's `use` options apply to
 * every context it creates, hence JavaScript is switched on explicitly.
 */
async function serverHtmlViolations(browser: Browser, page: Page): Promise<string[]> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    const address = page.url();
    await copy.route(address, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(address);
    return await seriousViolations(copy);
  } finally {
    await context.close();
  }
}

/** For pages of extra browser contexts, which the checkA11y fixture does not follow. */
export async function expectAccessible(page: Page) {
  await page.waitForLoadState("load");
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
}

interface YellFixtures {
  /** Runs axe on the page as it is now; every page a test visits must be checked (enforced at teardown). */
  checkA11y: () => Promise<void>;
  signIn: (account: AccountName) => Promise<void>;
  /** Console errors a test expects (e.g. a deliberate 403); anything else fails the test. */
  allowConsoleErrors: (pattern: RegExp) => void;
}

export const test = base.extend<YellFixtures>({
  allowConsoleErrors: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      page.on("console", (message) => {
        // Chromium logs every 4xx answer as a console error; answers are checked below instead.
        if (message.type() === "error" && !/^Failed to load resource/.test(message.text())) errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("response", (response) => {
        const status = response.status();
        const isAsset = !["document", "fetch", "xhr"].includes(response.request().resourceType());
        if (status >= 500 || (status >= 400 && isAsset)) errors.push(`${status} for ${response.url()}`);
      });
      await use((pattern) => allowed.push(pattern));
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, "console errors and failed requests during the test").toEqual([]);
    },
    { auto: true },
  ],
  checkA11y: [
    async ({ page, browser, javaScriptEnabled }, use) => {
      const visited = new Set<string>();
      const checked = new Set<string>();
      const pathOf = (url: string) => new URL(url).pathname;
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame() && frame.url().startsWith("http")) visited.add(pathOf(frame.url()));
      });
      await use(async () => {
        await page.waitForLoadState("load");
        const violations = javaScriptEnabled === false ? await serverHtmlViolations(browser, page) : await seriousViolations(page);
        expect(violations, `axe on ${page.url()}`).toEqual([]);
        checked.add(pathOf(page.url()));
      });
      const unchecked = [...visited].filter((path) => !checked.has(path));
      expect(unchecked, "pages visited without an axe check").toEqual([]);
    },
    { auto: true },
  ],
  signIn: async ({ page, checkA11y }, use) => {
    await use(async (account) => {
      await page.goto("/login");
      await checkA11y();
      await page.getByLabel("職員番号").fill(accounts[account].employeeNumber);
      await page.getByLabel("パスワード").fill(accounts[account].password);
      await page.getByRole("button", { name: "ログイン" }).click();
      await expect(page.getByRole("heading", { level: 1, name: /ようこそ/ })).toBeVisible();
      await checkA11y();
    });
  },
});
