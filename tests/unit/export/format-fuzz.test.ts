import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, parseCsv } from "~/domain/csv";
import { encodeCsv } from "~/domain/export/csv-encode";
import { neutraliseFormula } from "~/domain/export/formula-safety";
import { buildXlsx } from "~/domain/export/xlsx";

/**
 * Property tests with generated inputs for the formats we write and read by hand (see README,
 * Decisions): whatever the cells hold, what we write reads back as the same cells.
 */

/** Characters that break naive CSV and XML code, mixed with any Unicode (astral planes included). */
const awkward = fc.constantFrom('"', ",", "\r", "\n", "\r\n", "=", "+", "-", "@", "\t", " ", "<", "&", "'", "\u3000", "ｶ", "髙", "𠮷", "\uFEFF");
const anyChar = fc.string({ unit: "binary", minLength: 1, maxLength: 1 });
const cellText = fc.string({ unit: fc.oneof(awkward, anyChar), maxLength: 12 });

describe("CSV: encode → decode → parse", () => {
  it("gives back every cell (text cells guarded against formulas) on the row Excel shows", () => {
    // A row of empty cells only is a blank row, which our reader skips (as an import should).
    const row = fc.array(cellText, { minLength: 1, maxLength: 6 }).filter((cells) => cells.some((cell) => cell !== ""));
    // A file's leading U+FEFF is its byte order mark, so a first cell cannot start with one.
    const rowsOf = fc.array(row, { maxLength: 8 }).filter((rows) => !rows[0]?.[0]?.startsWith("\uFEFF"));
    fc.assert(
      fc.property(rowsOf, (rows) => {
        const { text, encoding } = decodeCsvBytes(encodeCsv(rows));
        expect(encoding).toBe("utf-8");
        const parsed = parseCsv(text);
        if (!parsed.ok) throw new Error(`unclosed quote at line ${parsed.unclosedQuoteLine}`);
        expect(parsed.records.map((record) => record.cells)).toEqual(rows.map((cells) => cells.map(neutraliseFormula)));
        expect(parsed.records.map((record) => record.line)).toEqual(rows.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it("never loses or invents a record on arbitrary text, quotes and line ends included", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(awkward, anyChar), maxLength: 60 }), (text) => {
        const parsed = parseCsv(text);
        if (!parsed.ok) return;
        for (const record of parsed.records) expect(record.line).toBeGreaterThan(0);
        const lines = parsed.records.map((record) => record.line);
        expect([...lines].sort((a, b) => a - b)).toEqual(lines);
        expect(new Set(lines).size).toBe(lines.length);
      }),
      { numRuns: 500 },
    );
  });
});

/** XML cannot carry C0 controls (other than tab and line ends), and reads CR and CRLF as LF. */
const asXmlReadsIt = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/\r\n?/g, "\n");

describe("XLSX: random cells → our writer → exceljs (a spreadsheet reader)", () => {
  const cell = fc.oneof(cellText, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer(), fc.constant(null));
  it("reads back every cell's value, text kept as text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(buildXlsx([{ name: "データ", rows }])) as unknown as ExcelJS.Buffer);
        const sheet = workbook.getWorksheet("データ")!;
        rows.forEach((cells, r) => {
          cells.forEach((value, c) => {
            const read = sheet.getRow(r + 1).getCell(c + 1).value;
            // Text made only of characters XML cannot carry is an empty cell once written.
            if (value === null || (typeof value === "string" && asXmlReadsIt(value) === "")) expect([null, undefined, ""]).toContain(read);
            else if (typeof value === "number") expect(read).toBe(value === 0 ? 0 : value);
            else expect(read).toBe(asXmlReadsIt(value));
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});
