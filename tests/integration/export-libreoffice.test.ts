import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encodeCsv } from "~/domain/export/csv-encode";
import { buildXlsx } from "~/domain/export/xlsx";
import { kpiResult } from "~/domain/survey/kpi";
import { type KpiReportInput, kpiReportTable } from "~/domain/survey/kpi-report";
import { dictionaryFor } from "~/i18n";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import type { ExportCell } from "~/domain/export/formula-safety";
import { rowRelease } from "~/models/disclosure.server";
import { responseExportRows } from "~/models/response-export.server";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { createTestDb } from "../support/db";

/** Skipped where LibreOffice is not installed; it stands in for Excel as a real spreadsheet reader. */
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

const dir = mkdtempSync(path.join(tmpdir(), "yell-soffice-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a headless conversion with its own profile, so it never collides with a running LibreOffice. */
function convert(file: string, to: string, infilter?: string): string {
  const outdir = path.join(dir, `out-${path.basename(file)}-${to.split(":")[0]}`);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      ...(infilter ? [`--infilter=${infilter}`] : []),
      "--convert-to",
      to,
      "--outdir",
      outdir,
      file,
    ],
    { stdio: "ignore", timeout: 60_000 },
  );
  const extension = to.split(":")[0]!;
  return path.join(outdir, `${path.basename(file, path.extname(file))}.${extension}`);
}

// Field separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8).
const CSV_FILTER = "CSV:44,34,76,1";
const CSV_EXPORT = "csv:Text - txt - csv (StarCalc):44,34,76";

const question = (code: string, text: string, distribution: Record<1 | 2 | 3 | 4, number>) => ({
  code,
  text_ja: text,
  text_en: text,
  indicator_ja: "職場の満足度",
  indicator_en: "Workplace satisfaction",
  withheld: false,
  ...kpiResult({ distribution, baseline: { value: 2.577, fiscalYear: 2023 } }),
});

const report: KpiReportInput = {
  surveyCode: "lo-test",
  fiscalYear: 2024,
  respondents: 22,
  questions: [
    question("Q01", "現在の職場で働き続けたいと思う", { 1: 0, 2: 9, 3: 13, 4: 0 }),
    question("Q02", '=HYPERLINK("http://example.test")', { 1: 2, 2: 4, 3: 10, 4: 6 }),
  ],
  groups: null,
};
const rows = kpiReportTable(report, dictionaryFor("ja"), "ja");
const HEADER =
  "設問,指標,設問文,回答数,平均値,基準値,基準年度,目標値,基準値からの変化,目標達成,肯定的回答率,回答1の数,回答2の数,回答3の数,回答4の数";

describe("exports read by a real spreadsheet (LibreOffice)", () => {
  it.skipIf(!hasSoffice)("a CSV keeps its Japanese text and numbers, and runs no formula", () => {
    const csv = path.join(dir, "kpi.csv");
    writeFileSync(csv, encodeCsv(rows));
    const roundTripped = readFileSync(convert(convert(csv, "xlsx", CSV_FILTER), CSV_EXPORT), "utf8").split("\n");
    // The byte order mark is read as the encoding, not kept as part of the first header.
    expect(roundTripped[0]).toBe(HEADER);
    // Read as numbers: 3.000 comes back as 3, which text would not.
    expect(roundTripped[1]).toBe("Q01,職場の満足度,現在の職場で働き続けたいと思う,22,2.591,2.577,2023,3,0.014,未達成,0.591,0,9,13,0");
    expect(roundTripped[2]).toContain(`"'=HYPERLINK(""http://example.test"")"`);
  }, 120_000);

  it.skipIf(!hasSoffice)("an XLSX shows numbers with three decimals and keeps formula-like text as text", () => {
    const xlsx = path.join(dir, "kpi.xlsx");
    writeFileSync(xlsx, buildXlsx([{ name: "KPI", rows, boldHeader: true }]));
    const lines = readFileSync(convert(xlsx, CSV_EXPORT), "utf8").split("\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toBe("Q01,職場の満足度,現在の職場で働き続けたいと思う,22,2.591,2.577,2023,3.000,0.014,未達成,0.591,0,9,13,0");
    // The statement itself, not the link a formula would have produced.
    expect(lines[2]).toMatch(/^Q02,職場の満足度,"=HYPERLINK\(""http:\/\/example\.test""\)",22,/);
  }, 120_000);
});

/** The anonymised response data of a small survey: 総務部 (2) and its complement 企画部 (5) are blanked. */
async function responseRows(): Promise<ExportCell[][]> {
  const db = await createTestDb();
  const actor = { id: null, label: "test" };
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "lo-responses", fiscalYear: 2023 }, actor);
  const definition = (await loadSurveyDefinition(db, "lo-responses"))!;
  const sizes: [string, number][] = [
    ["総務部", 2],
    ["企画部", 5],
    ["区民部", 6],
  ];
  await importResponses(
    db,
    definition,
    sizes.flatMap(([department, count]) =>
      Array.from({ length: count }, () => ({
        groups: { department, job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" },
        answers: Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, department === "区民部" ? 4 : 2])),
      })),
    ),
    actor,
  );
  const rows: ExportCell[][] = [];
  const header = { dimensions: dictionaryFor("ja").results.breakdown.dimensions };
  const release = await rowRelease(db, definition.survey, definition.sections.flatMap((s) => s.questions.map((q) => q.id)));
  if (!release.shown) throw new Error("expected the rows to be released");
  for await (const chunk of responseExportRows(db, definition, release, header, "ja", 4)) rows.push(...chunk);
  await db.destroy();
  return rows;
}

describe("the response data read by LibreOffice", () => {
  it.skipIf(!hasSoffice)("opens as CSV and XLSX with Japanese headers, numbers and blanked small groups", async () => {
    const rows = await responseRows();
    const csv = path.join(dir, "responses.csv");
    writeFileSync(csv, encodeCsv(rows));
    const xlsx = path.join(dir, "responses.xlsx");
    writeFileSync(xlsx, buildXlsx([{ name: "回答データ", rows, boldHeader: true }]));
    for (const lines of [
      readFileSync(convert(convert(csv, "xlsx", CSV_FILTER), CSV_EXPORT), "utf8").split("\n"),
      readFileSync(convert(xlsx, CSV_EXPORT), "utf8").split("\n"),
    ]) {
      expect(lines[0]).toBe(`所属（部）,職層,年代,雇用形態,${shinagawaFy2023.questions.map((q) => q.code).join(",")}`);
      const body = lines.slice(1).filter((line) => line !== "");
      expect(body).toHaveLength(13);
      const fours = ",4".repeat(shinagawaFy2023.questions.length);
      const twos = ",2".repeat(shinagawaFy2023.questions.length);
      expect(body.filter((line) => line === `区民部,主事,30歳～39歳,常勤${fours}`)).toHaveLength(6);
      expect(body.filter((line) => line === `,主事,30歳～39歳,常勤${twos}`)).toHaveLength(7);
    }
  }, 180_000);
});
