import type { Answer } from "~/domain/survey/answers";
import { normaliseCell, parseScaleCell, type QuestionType, type Scale } from "~/domain/survey/scales";
import type { BreakdownDimension } from "~/domain/survey/suppression";

/**
 * A question as the import needs it; scale (the options of a choice question) is required for
 * every type except free_text. maxChoices limits a multiple choice; showIf makes a follow-up,
 * answerable only when the named question's answer includes one of the values.
 */
export interface ImportQuestion {
  code: string;
  type: QuestionType;
  scale: Scale | null;
  maxChoices?: number | null;
  showIf?: { questionCode: string; values: readonly number[] } | null;
}

/** One parsed CSV record; line is the spreadsheet row number (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: readonly string[];
}

export interface ImportedResponse {
  line: number;
  /** Group cells as written (trimmed); null when blank. */
  groups: Readonly<Record<BreakdownDimension, string | null>>;
  /** Every question code of the survey; null is no answer. */
  answers: Readonly<Record<string, Answer | null>>;
}

export type ImportErrorCode =
  /** Header names a column that is neither a question code nor a group column. */
  | "unknown_column"
  /** Header names the same question or group twice (department and 所属 count as the same). */
  | "duplicate_column"
  /** A question of the survey has no column. */
  | "missing_column"
  /** A column without a header holds data. */
  | "unnamed_column"
  /** A row has data beyond the last header column. */
  | "unexpected_cell"
  /** A row ends before the last named column (a file cut short, or a cell lost in editing). */
  | "short_row"
  /** A number that is not one of the scale's values. */
  | "out_of_range"
  /** Text that is none of the scale's labels. */
  | "unknown_label"
  /** More options picked than the question allows (limit says how many may be). */
  | "too_many_choices"
  /** A follow-up is answered although the question it follows (condition) did not lead to it. */
  | "follow_up_not_applicable";

/**
 * Structured so the caller can word it in the user's language. column is the header as written
 * (the question code for missing_column, "" where there is no header); columnNumber is 1-based
 * and null for missing_column; value is the offending cell, trimmed.
 */
export interface ImportError {
  line: number;
  column: string;
  columnNumber: number | null;
  code: ImportErrorCode;
  value?: string;
  /** too_many_choices: how many options may be picked. */
  limit?: number;
  /** follow_up_not_applicable: the code of the question the follow-up depends on. */
  condition?: string;
}

export type ImportResult = { ok: true; rows: ImportedResponse[] } | { ok: false; errors: ImportError[] };

const GROUP_HEADERS: ReadonlyMap<string, BreakdownDimension> = new Map([
  ["department", "department"],
  ["job_level", "job_level"],
  ["age_band", "age_band"],
  ["employment_type", "employment_type"],
  ["所属", "department"],
  ["職層", "job_level"],
  ["年代", "age_band"],
  ["雇用形態", "employment_type"],
]);

/** Separator between the values of a multiple-choice cell (full-width ； folds to it). */
const MULTIPLE_CHOICE_SEPARATOR = ";";

type Column =
  | { kind: "question"; index: number; header: string; question: ImportQuestion; parse: (raw: string) => ParsedAnswer }
  | { kind: "group"; index: number; header: string; dimension: BreakdownDimension };

function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === "";
}

function readHeader(
  questions: readonly ImportQuestion[],
  header: readonly string[],
  unnamed: readonly number[],
): { columns: Column[]; errors: ImportError[] } {
  const questionsByCode = new Map(questions.map((question) => [question.code.toUpperCase(), question]));
  const columns: Column[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();

  header.forEach((raw, index) => {
    const name = raw.trim();
    const key = normaliseCell(raw);
    const columnNumber = index + 1;
    // Unnamed columns are checked as the rows are read: only data under them is an error.
    if (unnamed.includes(index)) return;
    const question = questionsByCode.get(key.toUpperCase());
    const dimension = GROUP_HEADERS.get(key.toLowerCase());
    const column: Column | null = question
      ? { kind: "question", index, header: name, question, parse: rememberingAnswerParser(question) }
      : dimension
      ? { kind: "group", index, header: name, dimension }
      : null;
    if (column === null) {
      errors.push({ line: 1, column: name, columnNumber, code: "unknown_column" });
      return;
    }
    const identity = column.kind === "question" ? `question:${column.question.code}` : `group:${column.dimension}`;
    if (seen.has(identity)) {
      errors.push({ line: 1, column: name, columnNumber, code: "duplicate_column" });
      return;
    }
    seen.add(identity);
    columns.push(column);
  });

  for (const question of questions) {
    if (!seen.has(`question:${question.code}`)) {
      errors.push({ line: 1, column: question.code, columnNumber: null, code: "missing_column" });
    }
  }
  return { columns, errors };
}

type AnswerProblem = { reason: "out_of_range" | "unknown_label" } | { reason: "too_many_choices"; limit: number };
type ParsedAnswer = { ok: true; answer: Answer | null } | ({ ok: false } & AnswerProblem);

function parseAnswer(question: ImportQuestion, raw: string): ParsedAnswer {
  if (question.type === "free_text") {
    const text = raw.trim();
    return { ok: true, answer: text === "" ? null : text };
  }
  if (question.scale === null) throw new Error(`question ${question.code} (${question.type}) has no scale`);
  const scale = question.scale;
  if (question.type !== "single_choice" && question.type !== "multiple_choice") {
    const parsed = parseScaleCell(scale, raw);
    return parsed.ok ? { ok: true, answer: parsed.value } : parsed;
  }
  const values = new Set<number>();
  // Labels and numbers alike; full-width ； folds to ; with the rest of the cell.
  for (const part of normaliseCell(raw).split(MULTIPLE_CHOICE_SEPARATOR)) {
    const parsed = parseScaleCell(scale, part);
    if (!parsed.ok) return parsed;
    if (parsed.value !== null) values.add(parsed.value);
  }
  const limit = question.type === "multiple_choice" ? (question.maxChoices ?? null) : 1;
  if (limit !== null && values.size > limit) return { ok: false, reason: "too_many_choices", limit };
  if (values.size === 0) return { ok: true, answer: null };
  const sorted = [...values].sort((a, b) => a - b);
  return { ok: true, answer: question.type === "multiple_choice" ? sorted : sorted[0]! };
}

/** Distinct cells remembered per choice column; beyond this many, cells are parsed each time. */
const REMEMBERED_CELLS = 64;

/**
 * parseAnswer for one column, remembering what each distinct cell gave: an answers file repeats a
 * handful of cells ("1"…"4", a label) millions of times, and parsing each anew was a fifth of an
 * import's time. Free text is not remembered (every cell differs). Rows that wrote the same cell
 * share one answer, which is safe as answers are read-only.
 */
function rememberingAnswerParser(question: ImportQuestion): (raw: string) => ParsedAnswer {
  if (question.type === "free_text") return (raw) => parseAnswer(question, raw);
  const remembered = new Map<string, ParsedAnswer>();
  return (raw) => {
    let parsed = remembered.get(raw);
    if (parsed === undefined) {
      parsed = parseAnswer(question, raw);
      if (remembered.size < REMEMBERED_CELLS) remembered.set(raw, parsed);
    }
    return parsed;
  };
}

function includesAny(answer: Answer | null | undefined, values: readonly number[]): boolean {
  if (answer === null || answer === undefined || typeof answer === "string") return false;
  return (typeof answer === "number" ? [answer] : answer).some((value) => values.includes(value));
}

/**
 * Reads an answers file one record at a time, so a file of a million rows is checked without
 * holding its rows: `read` converts a record (or returns its problems), `finish` adds what only
 * the whole file shows. Columns are question codes (Q01…, matched ignoring case and width) and
 * optionally department / job_level / age_band / employment_type or 所属 / 職層 / 年代 / 雇用形態.
 * Fully blank rows are skipped (null), as Excel exports often end with some. Rows are checked
 * against the recognised columns even when the header has errors, so every problem of a file is
 * reported in one pass.
 */
export interface ResponseImportReader {
  readonly headerErrors: readonly ImportError[];
  read(record: CsvRecord): { row: ImportedResponse | null; errors: ImportError[] };
  finish(): ImportError[];
}

export function responseImportReader(questions: readonly ImportQuestion[], header: readonly string[]): ResponseImportReader {
  const unnamed = header.flatMap((raw, index) => (normaliseCell(raw) === "" ? [index] : []));
  const { columns, errors: headerErrors } = readHeader(questions, header, unnamed);
  // Every named column must be present in every row; a trailing unnamed column may be left off.
  const requiredCells = columns.reduce((last, column) => Math.max(last, column.index + 1), 0);
  const unnamedWithData = new Set<number>();

  function read(record: CsvRecord): { row: ImportedResponse | null; errors: ImportError[] } {
    if (record.cells.every((cell) => isBlank(cell))) return { row: null, errors: [] };
    const errors: ImportError[] = [];
    for (const index of unnamed) if (!isBlank(record.cells[index])) unnamedWithData.add(index);
    for (let index = header.length; index < record.cells.length; index++) {
      if (!isBlank(record.cells[index])) {
        errors.push({ line: record.line, column: "", columnNumber: index + 1, code: "unexpected_cell" });
      }
    }
    if (record.cells.length < requiredCells) {
      const firstMissing = columns.filter((column) => column.index >= record.cells.length).sort((a, b) => a.index - b.index)[0]!;
      errors.push({ line: record.line, column: firstMissing.header, columnNumber: firstMissing.index + 1, code: "short_row" });
      return { row: null, errors };
    }

    const groups: Record<BreakdownDimension, string | null> = {
      department: null,
      job_level: null,
      age_band: null,
      employment_type: null,
    };
    const answers: Record<string, Answer | null> = {};
    for (const question of questions) answers[question.code] = null;
    for (const column of columns) {
      const raw = record.cells[column.index] ?? "";
      if (column.kind === "group") {
        const name = raw.trim();
        groups[column.dimension] = name === "" ? null : name;
        continue;
      }
      const parsed = column.parse(raw);
      if (parsed.ok) {
        answers[column.question.code] = parsed.answer;
      } else {
        errors.push({
          line: record.line,
          column: column.header,
          columnNumber: column.index + 1,
          code: parsed.reason,
          value: raw.trim(),
          ...(parsed.reason === "too_many_choices" ? { limit: parsed.limit } : {}),
        });
      }
    }
    // A follow-up's answer needs its condition to hold in the same row (checked once every cell is read).
    for (const column of columns) {
      if (column.kind !== "question") continue;
      const { showIf, code } = column.question;
      if (!showIf || answers[code] === null || answers[code] === undefined) continue;
      if (!includesAny(answers[showIf.questionCode], showIf.values)) {
        errors.push({
          line: record.line,
          column: column.header,
          columnNumber: column.index + 1,
          code: "follow_up_not_applicable",
          value: (record.cells[column.index] ?? "").trim(),
          condition: showIf.questionCode,
        });
      }
    }
    return { row: errors.length > 0 ? null : { line: record.line, groups, answers }, errors };
  }

  function finish(): ImportError[] {
    return [...unnamedWithData].sort((a, b) => a - b).map((index) => ({ line: 1, column: "", columnNumber: index + 1, code: "unnamed_column" }));
  }

  return { headerErrors, read, finish };
}

/** Problems in file order: by line, then by column. */
export function sortImportErrors(errors: ImportError[]): ImportError[] {
  return errors.sort((a, b) => a.line - b.line || (a.columnNumber ?? Infinity) - (b.columnNumber ?? Infinity));
}

/** Validates and converts a whole file's records at once (see responseImportReader). */
export function parseResponseImport(
  questions: readonly ImportQuestion[],
  header: readonly string[],
  records: readonly CsvRecord[],
): ImportResult {
  const reader = responseImportReader(questions, header);
  const errors: ImportError[] = [...reader.headerErrors];
  const rows: ImportedResponse[] = [];
  for (const record of records) {
    const { row, errors: rowErrors } = reader.read(record);
    errors.push(...rowErrors);
    if (row) rows.push(row);
  }
  errors.push(...reader.finish());
  return errors.length > 0 ? { ok: false, errors: sortImportErrors(errors) } : { ok: true, rows };
}
