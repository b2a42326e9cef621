/** Encodings HR's files arrive in: Excel on Japanese Windows saves "CSV" as CP932 unless told otherwise. */
export type CsvEncoding = "utf-8" | "shift_jis";

/**
 * Bytes to text. UTF-8 is tried strictly first because CP932 bytes are almost never valid UTF-8,
 * while the reverse does not hold. The WHATWG "shift_jis" decoder is CP932 (NEC and IBM
 * extensions included), which is what Excel writes. A UTF-8 byte order mark is dropped.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("shift_jis").decode(bytes), encoding: "shift_jis" };
  }
}

export interface CsvRecord {
  /** The row number Excel shows for this record: the first record is row 1, whatever line breaks quoted cells hold. */
  line: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; unclosedQuoteLine: number };

const QUOTE = '"';
const endsUnquotedText = (code: number) => code === 0x2c || code === 0x0d || code === 0x0a; // , CR LF

/** A quote opened on `line` never closes, so everything after it would be swallowed into one cell. */
export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`unclosed quote on line ${line}`);
  }
}

/**
 * RFC 4180 with Excel's leniencies: CRLF, LF or lone CR end a record; quotes only have meaning at
 * the start of a cell (a stray quote inside an unquoted cell is kept as text, as Excel does).
 * Blank records still count towards line numbers, as Excel shows them as empty rows, but are not returned.
 */
export function parseCsv(text: string): CsvParseResult {
  try {
    return { ok: true, records: [...csvRecords(text)] };
  } catch (error) {
    if (error instanceof UnclosedQuoteError) return { ok: false, unclosedQuoteLine: error.line };
    throw error;
  }
}

/**
 * The records of parseCsv one at a time, so a large file is never held as rows; throws
 * UnclosedQuoteError when it reaches a quote that never closes.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let cells: string[] = [];
  let cell = "";
  let atCellStart = true;
  let line = 1;
  let i = 0;

  const endCell = () => {
    cells.push(cell);
    cell = "";
    atCellStart = true;
  };
  const endRecord = (): CsvRecord | null => {
    endCell();
    const record = cells.some((value) => value !== "") ? { line, cells } : null;
    cells = [];
    line += 1;
    return record;
  };

  while (i < input.length) {
    const char = input[i];
    if (char === QUOTE && atCellStart) {
      atCellStart = false;
      i += 1;
      for (;;) {
        const closing = input.indexOf(QUOTE, i);
        if (closing === -1) throw new UnclosedQuoteError(line);
        cell += input.slice(i, closing);
        i = closing + 1;
        if (input[i] !== QUOTE) break;
        cell += QUOTE;
        i += 1;
      }
    } else if (char === ",") {
      endCell();
      i += 1;
    } else if (char === "\r" || char === "\n") {
      const record = endRecord();
      if (record) yield record;
      i += char === "\r" && input[i + 1] === "\n" ? 2 : 1;
    } else {
      // Unquoted text runs to the next separator or line break; taken as one slice, as a
      // character at a time made a string per character (a file of a million rows, three times).
      let end = i + 1;
      while (end < input.length && !endsUnquotedText(input.charCodeAt(end))) end += 1;
      cell += input.slice(i, end);
      atCellStart = false;
      i = end;
    }
  }
  if (!atCellStart || cells.length > 0) {
    const record = endRecord();
    if (record) yield record;
  }
}
