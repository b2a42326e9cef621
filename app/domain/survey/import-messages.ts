import type { Dictionary } from "~/i18n/dictionary";
import type { ImportError } from "./response-import";

/** Problems with the file as a whole, or with importing it into this survey at all. */
export type FileProblem = {
  line: number;
  column: "";
  columnNumber: null;
  code: "unclosed_quote" | "empty_file" | "no_rows" | "already_imported" | "survey_opened";
};

export type ResponseImportProblem = ImportError | FileProblem;

/** "12行目「Q03」列: 「5」は選択肢の範囲外です。" in the reader's language. */
export function describeImportProblem(problem: ResponseImportProblem, t: Dictionary): string {
  const messages = t.surveyAdmin.importErrors;
  const where = t.surveyAdmin.errorAt(problem.line, problem.column);
  const value = "value" in problem ? (problem.value ?? "") : "";
  const reason =
    problem.code === "out_of_range" || problem.code === "unknown_label"
      ? messages[problem.code](value)
      : problem.code === "too_many_choices"
        ? messages.too_many_choices(value, problem.limit ?? 1)
        : problem.code === "follow_up_not_applicable"
          ? messages.follow_up_not_applicable(problem.condition ?? "")
          : messages[problem.code];
  return `${where}: ${reason}`;
}
