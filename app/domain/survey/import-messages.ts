import type { Dictionary } from "~/i18n/dictionary";
import type { ImportError } from "./response-import";

/** Problems with the file itself, found before any row is read. */
export type FileProblem = { line: number; column: ""; columnNumber: null; code: "unclosed_quote" | "empty_file" };

export type ResponseImportProblem = ImportError | FileProblem;

/** "12行目「Q03」列: 「5」は選択肢の範囲外です。" in the reader's language. */
export function describeImportProblem(problem: ResponseImportProblem, t: Dictionary): string {
  const messages = t.surveyAdmin.importErrors;
  const where = t.surveyAdmin.errorAt(problem.line, problem.column);
  const value = "value" in problem ? (problem.value ?? "") : "";
  const reason =
    problem.code === "out_of_range" || problem.code === "unknown_label" ? messages[problem.code](value) : messages[problem.code];
  return `${where}: ${reason}`;
}
