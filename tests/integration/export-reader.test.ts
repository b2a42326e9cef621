import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { decodeCsvBytes, parseCsv } from "~/domain/csv";
import { importResponsesFromCsv } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { createTestDb } from "../support/db";
import { downloadLoader } from "../support/downloads";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";
import { groupedCsv } from "../support/survey-files";

const kpiCsv = downloadLoader("kpi.csv");
const kpiXlsx = downloadLoader("kpi.xlsx");
const responsesCsv = downloadLoader("responses.csv");
const responsesXlsx = downloadLoader("responses.xlsx");

/**
 * Every run (CI included) opens the real exports with a spreadsheet reader library: the XLSX
 * must hold the same cells as the CSV export, numbers as numbers. LibreOffice, where installed,
 * checks more in export-libreoffice.test.ts.
 */
const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const actor = { id: null, label: "test" };
await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "reader-test", fiscalYear: 2023 }, actor);
const definition = (await loadSurveyDefinition(db, "reader-test"))!;
const imported = await importResponsesFromCsv(db, definition, new TextEncoder().encode(groupedCsv({ 総務部: 6, 福祉部: 7 })), actor);
expect(imported).toEqual({ ok: true, imported: 13 });

type Loader = typeof kpiCsv;
async function download(loader: Loader, path: string): Promise<Uint8Array> {
  const response = await responseOf(async () => loader({ request: await requestAs(db, hr.id, path), params: { code: "reader-test" }, context: {} }));
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function xlsxRows(bytes: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push(Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).value));
  });
  return rows;
}

function csvRows(bytes: Uint8Array): string[][] {
  const parsed = parseCsv(decodeCsvBytes(bytes).text);
  if (!parsed.ok) throw new Error("the CSV export does not parse");
  return parsed.records.map((record) => record.cells);
}

/** A CSV cell as the spreadsheet should hold it: numbers as numbers (fixed decimals shown by format). */
function sameCell(xlsx: unknown, csv: string): boolean {
  if (xlsx === null || xlsx === undefined) return csv === "";
  if (typeof xlsx === "number") return csv !== "" && Number(csv) === xlsx;
  return xlsx === csv;
}

describe("exports read by a spreadsheet reader (exceljs)", () => {
  for (const [name, csvLoader, xlsxLoader, base] of [
    ["KPI table", kpiCsv, kpiXlsx, "/results/reader-test/kpi"],
    ["responses", responsesCsv, responsesXlsx, "/results/reader-test/responses"],
  ] as const) {
    it(`${name}: the workbook opens and holds the CSV export's cells`, async () => {
      const csv = csvRows(await download(csvLoader, `${base}.csv`));
      const xlsx = await xlsxRows(await download(xlsxLoader, `${base}.xlsx`));
      expect(xlsx.length).toBe(csv.length);
      expect(csv.length).toBeGreaterThan(1);
      xlsx.forEach((row, r) => {
        const expected = csv[r]!;
        const trimmed = [...expected];
        while (trimmed.length > row.length && trimmed.at(-1) === "") trimmed.pop();
        expect(row.length, `row ${r + 1}`).toBe(trimmed.length);
        row.forEach((cell, c) => expect(sameCell(cell, trimmed[c]!), `row ${r + 1} column ${c + 1}: ${String(cell)} vs ${trimmed[c]}`).toBe(true));
      });
      // Japanese text arrives intact, and the answers are numbers a pivot table can sum.
      expect(xlsx.flat()).toEqual(expect.arrayContaining([expect.stringMatching(/[ぁ-んァ-ン一-龥]/)]));
      expect(xlsx.slice(1).flat().some((cell) => typeof cell === "number")).toBe(true);
    });
  }
});
