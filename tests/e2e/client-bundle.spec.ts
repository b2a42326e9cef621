import { fileURLToPath } from "node:url";
import { pageScripts, readClientBuild } from "../support/client-bundle";
import { expect, test } from "./fixtures";
import { waitForScripts } from "./survey-page";

const PROJECT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The bundle check prints what the survey page loads from the build's metafile; this test holds
 * that list to what Chromium really fetches for the page in Japanese, dictionary chunks included,
 * so a change in how pages load code cannot make the printed figure leave files out.
 */
test("the bundle check counts what the browser loads for the survey page", async ({ page, signIn, checkA11y }) => {
  await signIn("staff");
  // Routing every request turns the browser cache off, so each script of the page is seen being fetched.
  const fetched = new Set<string>();
  await page.route("**/*", (route) => route.continue());
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/build/") && pathname.endsWith(".js")) fetched.add(`public${pathname}`);
  });

  await page.goto("/surveys/kpi-fy2024");
  await waitForScripts(page);
  await page.waitForLoadState("networkidle");
  await checkA11y();

  const expected = pageScripts(readClientBuild(PROJECT), "routes/surveys.$code", "ja").files;
  // The route table (manifest) is the framework's, loaded by every Remix page alike, and not counted.
  const scripts = [...fetched].filter((file) => !/\/manifest-[A-Z0-9]+\.js$/.test(file));
  expect(scripts.sort()).toEqual([...expected].sort());
});
