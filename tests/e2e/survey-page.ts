import type { Page } from "@playwright/test";

/** A question of the answering page, found by its code at the start of its legend. */
export function question(page: Page, code: string) {
  return page.getByRole("group", { name: new RegExp(`^${code} `) });
}

/** Answers typed before the scripts have taken over would not be kept in the browser. */
export async function waitForScripts(page: Page) {
  await page.waitForFunction(() => "__remixRouter" in window);
}
