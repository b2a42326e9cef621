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

const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const DIGIT_ZERO = 0x30;
/** Texts up to this length are encoded once per file and copied after that (group names, labels). */
const REUSED_TEXT_MAX_LENGTH = 64;
const REUSED_TEXTS_MAX = 10_000;

/**
 * Writes rows as CSV lines straight into the output's bytes, a cell at a time. Most cells of a
 * large file repeat (group names, labels, ratings): a one-digit number is written as its byte and
 * a short text is encoded once and copied after that. Building each line as a string and encoding
 * it took four times as long for a 100,000-row response export.
 */
class CsvLines {
  private readonly encodedTexts = new Map<string, Uint8Array>();

  constructor(private readonly out: Utf8Chunk) {}

  append(rows: readonly (readonly ExportCell[])[]): void {
    for (const row of rows) {
      for (let column = 0; column < row.length; column++) {
        if (column > 0) this.out.appendAscii(COMMA);
        this.appendCell(row[column]!);
      }
      this.out.appendAscii(CR);
      this.out.appendAscii(LF);
    }
  }

  private appendCell(cell: ExportCell): void {
    if (cell === null) return;
    // -0 passes too, and is written as 0, as field() writes it.
    if (typeof cell === "number" && Number.isInteger(cell) && cell >= 0 && cell <= 9) {
      this.out.appendAscii(DIGIT_ZERO + cell);
    } else if (typeof cell === "string" && cell.length <= REUSED_TEXT_MAX_LENGTH) {
      let encoded = this.encodedTexts.get(cell);
      if (encoded === undefined) {
        encoded = Buffer.from(field(cell), "utf8");
        if (this.encodedTexts.size < REUSED_TEXTS_MAX) this.encodedTexts.set(cell, encoded);
      }
      this.out.appendBytes(encoded);
    } else {
      this.out.append(field(cell));
    }
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
  new CsvLines(out).append(rows);
  return out.take();
}

/** The same file written as its rows arrive, a chunk at a time (one byte order mark, at the start). */
export async function* csvStream(chunks: AsyncIterable<readonly (readonly ExportCell[])[]>): AsyncGenerator<Uint8Array> {
  const out = new Utf8Chunk();
  out.append(BYTE_ORDER_MARK);
  yield out.take();
  const lines = new CsvLines(out);
  for await (const rows of chunks) {
    lines.append(rows);
    yield out.take();
  }
}
