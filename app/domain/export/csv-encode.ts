import { type ExportCell, neutraliseFormula } from "~/domain/export/formula-safety";
import { Utf8Chunk } from "~/domain/export/utf8-chunk";

const BYTE_ORDER_MARK = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`cannot export ${value} as a number`);
}

function numberText(value: number): string {
  assertFinite(value);
  return String(value === 0 ? 0 : value);
}

/** A number's text never holds a comma, quote or line break: only text cells are checked for quoting. */
function field(cell: ExportCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "string") {
    const text = neutraliseFormula(cell);
    return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  assertFinite(cell.value);
  return (cell.value === 0 ? 0 : cell.value).toFixed(cell.decimals);
}

/** Appends the rows as CSV lines, one line per append. */
function appendCsvLines(rows: readonly (readonly ExportCell[])[], out: Utf8Chunk): void {
  for (const row of rows) {
    let line = "";
    for (let column = 0; column < row.length; column++) {
      if (column > 0) line += ",";
      line += field(row[column]!);
    }
    out.append(`${line}\r\n`);
  }
}

/**
 * A CSV file as Excel in Japan opens it correctly: UTF-8 with a byte order mark (without it Excel
 * assumes Shift_JIS and garbles Japanese), CRLF line ends, RFC 4180 quoting, and every text cell
 * guarded against formula injection.
 */
export function encodeCsv(rows: readonly (readonly ExportCell[])[]): Uint8Array {
  const out = new Utf8Chunk();
  out.append(BYTE_ORDER_MARK);
  appendCsvLines(rows, out);
  return out.take();
}

/** The same file written as its rows arrive, a chunk at a time (one byte order mark, at the start). */
export async function* csvStream(chunks: AsyncIterable<readonly (readonly ExportCell[])[]>): AsyncGenerator<Uint8Array> {
  const out = new Utf8Chunk();
  out.append(BYTE_ORDER_MARK);
  yield out.take();
  for await (const rows of chunks) {
    appendCsvLines(rows, out);
    yield out.take();
  }
}
