import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Lines a piece of text takes: its height over its line height. */
async function lines(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.7;
    return Math.round(element.getBoundingClientRect().height / lineHeight);
  });
}

test("badges, buttons and the KPI question column keep their shape at 1280 and 390 px", async ({ page, signIn, checkA11y }) => {
  await signIn("hr");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // FY2023 is closed: its figures are shown (an open survey shows counts only).
    await page.goto("/results/kpi-fy2023");
    const table = page.getByRole("table", { name: "設問別の回答数、平均値、基準値、目標値と達成状況" });
    const badge = table.getByText("未達成", { exact: true }).first();
    await expect(badge).toBeVisible();
    expect(await lines(badge), `未達成 at ${width}px`).toBe(1);
    // The question column is wide enough to read (the table scrolls sideways instead).
    const question = table.locator("tbody tr").first().locator("td").first();
    const fontSize = await question.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect((await question.boundingBox())!.width / fontSize, `question column at ${width}px, in characters`).toBeGreaterThan(10);
    await checkA11y();
  }

  // The bell is drawn by the stylesheet (no script carries it): an icon the size of the old inline SVG.
  const bell = page.getByRole("link", { name: /^お知らせ/ }).first();
  const icon = await bell.evaluate((element) => {
    const style = getComputedStyle(element, "::before");
    return { mask: style.maskImage || style.webkitMaskImage, width: style.width, height: style.height };
  });
  expect(icon).toEqual({ mask: expect.stringContaining("/bell.svg") as unknown as string, width: "20px", height: "20px" });
  const svg = await page.request.get("/bell.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");

  await page.setViewportSize({ width: 390, height: 900 });
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await signIn("staff");
  await page.goto("/surveys");
  const answer = page.getByRole("link", { name: /^回答する/ }).first();
  await expect(answer).toBeVisible();
  expect(await lines(answer), "the survey list's button at 390px").toBe(1);
  await checkA11y();
});
