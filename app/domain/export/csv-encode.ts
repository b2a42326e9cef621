import { type ExportCell, neutraliseFormula } from "~/domain/export/formula-safety";

const BYTE_ORDER_MARK = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`cannot export ${value} as a number`);
}

function cellText(cell: ExportCell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return neutraliseFormula(cell);
  if (typeof cell === "number") {
    assertFinite(cell);
    return String(cell === 0 ? 0 : cell);
  }
  assertFinite(cell.value);
  return (cell.value === 0 ? 0 : cell.value).toFixed(cell.decimals);
}

function field(cell: ExportCell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file as Excel in Japan opens it correctly: UTF-8 with a byte order mark (without it Excel
 * assumes Shift_JIS and garbles Japanese), CRLF line ends, RFC 4180 quoting, and every text cell
 * guarded against formula injection.
 */
export function encodeCsv(rows: readonly (readonly ExportCell[])[]): Uint8Array {
  const body = rows.map((row) => `${row.map(field).join(",")}\r\n`).join("");
  return new TextEncoder().encode(BYTE_ORDER_MARK + body);
}
