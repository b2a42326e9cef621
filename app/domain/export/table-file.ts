import type { WithheldReason } from "../survey/disclosure";
import type { ExportCell } from "./formula-safety";

export type ExportFormat = "csv" | "xlsx";

/** A download's names: ASCII only for browsers that ignore `filename*`, and in the reader's language. */
export interface FileNames {
  /** Without extension; non-ASCII characters become "_". */
  asciiName: string;
  /** Without extension, in the reader's language. */
  displayName: string;
  sheetName: string;
}

/** A table small enough to build whole (header row first). */
export interface TableFile extends FileNames {
  rows: ExportCell[][];
}

/** A table written as it is read, a chunk of rows at a time (the header in the first chunk). */
export interface StreamedTableFile extends FileNames {
  chunks: AsyncIterable<ExportCell[][]>;
}

/** Why a download has no file. */
export type ExportRefusal =
  | { ok: false; reason: "unknown_survey" | "unknown_question" | "invalid_query" }
  | { ok: false; reason: WithheldReason | "question_too_few_respondents"; minimumSize: number };
