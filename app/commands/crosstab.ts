import { z } from "zod";
import { encodeCsv } from "~/domain/export/csv-encode";
import { crosstabJson } from "~/domain/survey/crosstab";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";
import { cliActor } from "~/models/audit.server";
import { crosstabFor } from "~/models/crosstab.server";
import { exportCrosstabTable } from "~/models/results-tables.server";
import { type Command, type CommandContext, UsageError, parseOptions } from "./command";
import { refused } from "./refused";

const surveyCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/);
const questionCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/);

function parseOr<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`invalid ${name}: ${String(value)}`);
  return parsed.data;
}

function unknown(context: CommandContext, reason: "unknown_survey" | "unknown_question", code: string, question: string): number {
  context.stderr(`${reason === "unknown_survey" ? context.t.surveyAdmin.unknownSurvey(code) : context.t.crosstab.unknownQuestion(question)}\n`);
  return 1;
}

/** One choice question by one respondent attribute, as JSON (labels in Japanese) or as a CSV table. */
export const crosstabCommand: Command = {
  usage: `--survey CODE --question CODE --by ${BREAKDOWN_DIMENSIONS.join("|")} [--format json|csv]`,
  run: async (context) => {
    const o = parseOptions(context.args, {
      survey: { type: "string" },
      question: { type: "string" },
      by: { type: "string" },
      format: { type: "string" },
    });
    const code = parseOr(surveyCode, o.survey, "--survey");
    const question = parseOr(questionCode, o.question, "--question");
    const by = parseOr(z.enum(BREAKDOWN_DIMENSIONS), o.by, "--by");
    const format = parseOr(z.enum(["json", "csv"]).default("json"), o.format, "--format");
    if (format === "json") {
      const outcome = await crosstabFor(context.db, code, question, by);
      if (!outcome.ok) return unknown(context, outcome.reason, code, question);
      if (outcome.crosstab === null) return refused(context, { ok: false, reason: outcome.withheld!, minimumSize: outcome.definition.survey.min_group_size });
      context.stdout(`${JSON.stringify(crosstabJson(outcome.question.code, by, outcome.crosstab))}\n`);
      return 0;
    }
    const outcome = await exportCrosstabTable(context.db, { actor: cliActor, format: "csv", t: context.t, locale: context.locale }, code, question, by);
    if (!outcome.ok && (outcome.reason === "unknown_survey" || outcome.reason === "unknown_question")) return unknown(context, outcome.reason, code, question);
    if (!outcome.ok) return refused(context, outcome);
    // Keep the byte order mark: Excel needs it to read the redirected file as UTF-8.
    context.stdout(new TextDecoder("utf-8", { ignoreBOM: true }).decode(encodeCsv(outcome.file.rows)));
    return 0;
  },
};
