import type { ExportRefusal } from "~/domain/export/table-file";
import type { CommandContext } from "./command";

/** No figures or no such survey/question: the reason on stderr in the operator's language, exit code 1. */
export function refused(context: CommandContext, refusal: ExportRefusal): number {
  const { t } = context;
  const message =
    "minimumSize" in refusal
      ? t.results.withheld[refusal.reason](refusal.minimumSize)
      : refusal.reason === "invalid_query"
        ? t.results.exports.invalidQuery
        : t.common.notFoundBody;
  context.stderr(`${message}\n`);
  return 1;
}
