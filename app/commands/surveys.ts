import { z } from "zod";
import type { SurveyStatus } from "#db/schema";
import { encodeCsv } from "~/domain/export/csv-encode";
import { describeImportProblem } from "~/domain/survey/import-messages";
import { kpiReportJson } from "~/domain/survey/kpi-report";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";
import { cliActor } from "~/models/audit.server";
import { importResponsesFromCsv } from "~/models/responses.server";
import { exportKpiTable } from "~/models/results-tables.server";
import { kpiReportFor } from "~/models/results.server";
import {
  SurveyError,
  createSurveyFromPrevious,
  createSurveyFromTemplate,
  loadSurveyDefinition,
  setSurveyStatus,
} from "~/models/surveys.server";
import { getEnv } from "~/utils/env.server";
import { type Command, type CommandContext, UsageError, parseOptions, readInputFile } from "./command";
import { refused } from "./refused";

const surveyCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/);
const fiscalYear = z.coerce.number().int().min(2000).max(2100);
const isoDate = z.iso.date();

function parseOr<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`invalid ${name}: ${String(value)}`);
  return parsed.data;
}

/** Survey errors become a message on stderr and exit code 1; anything else is a bug and propagates. */
async function reportingSurveyErrors(context: CommandContext, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SurveyError)) throw error;
    const m = context.t.surveyAdmin;
    const message =
      error.reason === "unknown_template"
        ? m.unknownTemplate(error.detail)
        : error.reason === "unknown_survey"
          ? m.unknownSurvey(error.detail)
          : error.reason === "code_taken"
            ? m.codeTaken(error.detail)
            : m.invalidTransition;
    context.stderr(`${message}\n`);
    return 1;
  }
}

export const createSurveyCommand: Command = {
  usage: "(--template TEMPLATE | --from SURVEY_CODE) --code CODE --fiscal-year YYYY [--opens YYYY-MM-DD] [--closes YYYY-MM-DD]",
  run: (context) =>
    reportingSurveyErrors(context, async () => {
      const o = parseOptions(context.args, {
        template: { type: "string" },
        from: { type: "string" },
        code: { type: "string" },
        "fiscal-year": { type: "string" },
        opens: { type: "string" },
        closes: { type: "string" },
      });
      if (Boolean(o.template) === Boolean(o.from)) throw new UsageError("give exactly one of --template and --from");
      const input = {
        code: parseOr(surveyCode, o.code, "--code"),
        fiscalYear: parseOr(fiscalYear, o["fiscal-year"], "--fiscal-year"),
        ...(o.opens ? { opensOn: parseOr(isoDate, o.opens, "--opens") } : {}),
        ...(o.closes ? { closesOn: parseOr(isoDate, o.closes, "--closes") } : {}),
      };
      const survey = o.template
        ? await createSurveyFromTemplate(context.db, o.template, input, cliActor)
        : await createSurveyFromPrevious(context.db, o.from!, input, cliActor);
      context.stdout(`${context.t.surveyAdmin.surveyCreated(survey.code, context.locale === "ja" ? survey.title_ja : survey.title_en)}\n`);
      return 0;
    }),
};

export const setSurveyStatusCommand: Command = {
  usage: "--survey CODE --status open|closed",
  run: (context) =>
    reportingSurveyErrors(context, async () => {
      const o = parseOptions(context.args, { survey: { type: "string" }, status: { type: "string" } });
      const status = parseOr(z.enum(["open", "closed"]), o.status, "--status") satisfies SurveyStatus;
      const code = parseOr(surveyCode, o.survey, "--survey");
      await setSurveyStatus(context.db, code, status, cliActor);
      context.stdout(`${context.t.surveyAdmin.statusChanged(context.t.surveyAdmin.statusNames[status])}\n`);
      return 0;
    }),
};

export const importResponsesCommand: Command = {
  usage: "--survey CODE --file FILE.csv",
  run: (context) =>
    reportingSurveyErrors(context, async () => {
      const o = parseOptions(context.args, { survey: { type: "string" }, file: { type: "string" } });
      const code = parseOr(surveyCode, o.survey, "--survey");
      if (!o.file) throw new UsageError("--file is required");
      const definition = await loadSurveyDefinition(context.db, code);
      if (!definition) throw new SurveyError("unknown_survey", code);
      const bytes = await readInputFile(context, o.file, getEnv().MAX_UPLOAD_MB * 1024 * 1024);
      if (!bytes) return 1;
      const { progress } = context;
      const onProgress = progress && ((p: { read: number; checked: number; written: number }) => progress(context.t.cli.progress(p.read, p.checked, p.written)));
      const outcome = await importResponsesFromCsv(context.db, definition, bytes, cliActor, new Date(), onProgress);
      progress?.("");
      if (!outcome.ok) {
        context.stderr(`${context.t.surveyAdmin.importFailed(outcome.problems.length)}\n`);
        for (const problem of outcome.problems) context.stderr(`${describeImportProblem(problem, context.t)}\n`);
        return 1;
      }
      context.stdout(`${context.t.surveyAdmin.imported(outcome.imported)}\n`);
      return 0;
    }),
};

export const kpiCommand: Command = {
  usage: `--survey CODE [--by ${BREAKDOWN_DIMENSIONS.join("|")}] [--format json|csv]`,
  run: (context) =>
    reportingSurveyErrors(context, async () => {
      const o = parseOptions(context.args, { survey: { type: "string" }, by: { type: "string" }, format: { type: "string" } });
      const code = parseOr(surveyCode, o.survey, "--survey");
      const by = o.by === undefined ? null : parseOr(z.enum(BREAKDOWN_DIMENSIONS), o.by, "--by");
      const format = parseOr(z.enum(["json", "csv"]).default("json"), o.format, "--format");
      if (format === "json") {
        const outcome = await kpiReportFor(context.db, code, by);
        if (!outcome.ok && outcome.reason === "unknown_survey") throw new SurveyError("unknown_survey", code);
        if (!outcome.ok) return refused(context, outcome);
        context.stdout(`${JSON.stringify(kpiReportJson(outcome.report))}\n`);
        return 0;
      }
      const outcome = await exportKpiTable(context.db, { actor: cliActor, format: "csv", t: context.t, locale: context.locale }, code, by);
      if (!outcome.ok && outcome.reason === "unknown_survey") throw new SurveyError("unknown_survey", code);
      if (!outcome.ok) return refused(context, outcome);
      // Keep the byte order mark: Excel needs it to read the redirected file as UTF-8.
      context.stdout(new TextDecoder("utf-8", { ignoreBOM: true }).decode(encodeCsv(outcome.file.rows)));
      return 0;
    }),
};
