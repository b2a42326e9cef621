/**
 * Run after `remix build` (part of `npm run test:e2e`): fails when any browser chunk contains zod
 * (server-only schemas belong in *.server.ts), when the survey page's JavaScript grows past
 * SURVEY_PAGE_BUDGET or when it loads a dictionary area besides SURVEY_PAGE_AREAS, and prints what that page loads (gzip) in Japanese, file by file, then the
 * same total for a heavy HR page for comparison. The e2e test "the bundle check counts what the
 * browser loads" keeps the count honest.
 */
import { chunksWithZod, gzipSize, pageScripts, readClientBuild } from "./client-bundle";

const SURVEY_PAGE_ROUTE = "routes/surveys.$code";
const COMPARED_PAGE_ROUTE = "routes/results.$code";
/*
 * Sizes are in kB of 1,000 bytes, the unit of issue 8's figures: its ceiling app's page, counted
 * here, is 86,290 bytes, which the issue gives as 86 KB. Until 2026-11-30 this check printed KiB
 * as "KB" (the same page was "84.3 KB"), which made the goal look 2 kB nearer than it is.
 */
/**
 * A ratchet, not the goal: today's figure (92.9 kB) with a little room; lower it as the page
 * shrinks, so that bytes won back cannot quietly return.
 */
const SURVEY_PAGE_BUDGET = 93_000;
/** The page is worded by its loader: the only area its browser code reads is the one every page loads. */
const SURVEY_PAGE_AREAS = ["common"];
/** Issue 8's goal. */
const SURVEY_PAGE_GOAL = 90_000;

const build = readClientBuild();
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const total = (files: string[]) => files.reduce((sum, file) => sum + gzipSize(file), 0);

const survey = pageScripts(build, SURVEY_PAGE_ROUTE);
const sizes = survey.files.map((file) => ({ file, gzip: gzipSize(file) })).sort((a, b) => b.gzip - a.gzip);
console.log(`Survey page (${SURVEY_PAGE_ROUTE}, Japanese) loads ${kb(total(survey.files))} of JavaScript (gzip) in ${survey.files.length} files:`);
for (const s of sizes) console.log(`  ${kb(s.gzip).padStart(9)}  ${s.file}`);
console.log(`  dictionary areas: ${survey.areas.join(", ")}`);
if (survey.onDemand.length > 0) console.log(`  later, when needed: ${kb(total(survey.onDemand))} in ${survey.onDemand.length} files`);

const compared = pageScripts(build, COMPARED_PAGE_ROUTE);
console.log(
  `For comparison, ${COMPARED_PAGE_ROUTE} (Japanese) loads ${kb(total(compared.files))} in ${compared.files.length} files` +
    ` (areas: ${compared.areas.join(", ")})` +
    (compared.onDemand.length > 0 ? `, then ${kb(total(compared.onDemand))} in ${compared.onDemand.length} files once a chart is drawn` : ""),
);

const surveyTotal = total(survey.files);
if (surveyTotal > SURVEY_PAGE_GOAL) console.log(`The survey page is ${kb(surveyTotal - SURVEY_PAGE_GOAL)} above the ${kb(SURVEY_PAGE_GOAL)} goal.`);

const failures = chunksWithZod(build).map((file) => `${file} bundles zod: move the schema to a *.server.ts module`);
if (survey.areas.join() !== SURVEY_PAGE_AREAS.join()) {
  failures.push(`the survey page loads the dictionary areas ${survey.areas.join(", ")}, not only ${SURVEY_PAGE_AREAS.join(", ")}: word its texts in the loader`);
}
if (surveyTotal > SURVEY_PAGE_BUDGET) {
  failures.push(`the survey page loads ${kb(surveyTotal)}, more than its budget of ${kb(SURVEY_PAGE_BUDGET)}: see what grew in the list above`);
}
if (failures.length > 0) {
  console.error(`\nClient bundle check failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
