import { encodeCsv } from "~/domain/export/csv-encode";
import type { ExportCell } from "~/domain/export/formula-safety";
import { buildXlsx } from "~/domain/export/xlsx";
import { crosstabTable } from "~/domain/survey/crosstab";
import { kpiReportTable } from "~/domain/survey/kpi-report";
import { getLocale } from "~/i18n/locale.server";
import { dictionaryFor } from "~/i18n";
import type { Dictionary, Locale } from "~/i18n/dictionary";
import { recordAudit } from "~/models/audit.server";
import { recordResponseExport, responseExportRows } from "~/models/response-export.server";
import { crosstabFor, recordCrosstabExport } from "~/models/crosstab.server";
import { kpiReportFor, recordKpiExport } from "~/models/results.server";
import { findSurvey, loadSurveyDefinition } from "~/models/surveys.server";
import type { Survey } from "#db/schema";
import { parseCrosstabQuery } from "~/schemas/crosstab.server";
import { parseBreakdownQuery } from "~/schemas/results.server";
import { HR_ROLES, requireRole } from "./auth.server";
import { type Db, getDb } from "./db.server";

export type KpiExportFormat = "csv" | "xlsx";

const FORMATS: Record<KpiExportFormat, { contentType: string; encode: (rows: ExportCell[][], sheetName: string) => Uint8Array }> = {
  csv: { contentType: "text/csv; charset=utf-8", encode: (rows) => encodeCsv(rows) },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    encode: (rows, sheetName) => buildXlsx([{ name: sheetName, rows, boldHeader: true }]),
  },
};

export function plainText(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Browsers that ignore `filename*` fall back to `filename`, which must be plain ASCII. */
function contentDisposition(asciiName: string, displayName: string): string {
  return `attachment; filename="${asciiName.replace(/[^A-Za-z0-9._-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(displayName)}`;
}

/** A table (rows of cells) as a CSV or XLSX download, never cached; displayName may be Japanese. */
export function tableDownload(
  rows: ExportCell[][],
  format: KpiExportFormat,
  sheetName: string,
  asciiName: string,
  displayName: string,
): Response {
  const { contentType, encode } = FORMATS[format];
  // Copied into an ArrayBuffer-backed array, which is what a Response body is typed to take.
  return new Response(new Uint8Array(encode(rows, sheetName)), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": contentDisposition(asciiName, displayName),
      "Cache-Control": "no-store",
    },
  });
}

/**
 * The KPI table of a survey as a download, for HR only. Every download is audited before it is
 * sent; a survey with fewer respondents than its minimum group size has no figures to give.
 */
export async function kpiExportResponse(request: Request, code: string | undefined, format: KpiExportFormat): Promise<Response> {
  const user = await requireRole(request, HR_ROLES);
  const locale = await getLocale(request);
  const t = dictionaryFor(locale);
  const query = parseBreakdownQuery(new URL(request.url));
  if (!query.ok) throw plainText(t.results.exports.invalidDimension, 400);

  const db = getDb();
  const survey = code === undefined ? undefined : await findSurvey(db, code);
  const report = survey ? await kpiReportFor(db, survey.code, query.by) : null;
  if (!survey || !report) throw plainText(t.common.notFoundBody, 404);
  if (report.respondents < survey.min_group_size) throw plainText(t.results.exports.tooFewRespondents, 409);

  const rows = kpiReportTable(report, t, locale);
  await recordKpiExport(db, { id: user.id, label: user.employeeNumber }, survey.code, query.by, format, rows.length - 1);

  const dimension = query.by === null ? null : t.results.breakdown.dimensions[query.by];
  const asciiName = `${survey.code}-kpi${query.by === null ? "" : `-${query.by}`}.${format}`;
  return tableDownload(rows, format, t.results.exports.sheetName, asciiName, `${t.results.exports.fileName(survey.code, dimension)}.${format}`);
}

/**
 * One choice question's cross-tab (`?question=&by=`) as a download, for HR only, audited before it
 * is sent; suppressed groups are named without figures, and a survey under its minimum group size
 * has no figures to give (409).
 */
export async function crosstabExportResponse(request: Request, code: string | undefined, format: KpiExportFormat): Promise<Response> {
  const user = await requireRole(request, HR_ROLES);
  const locale = await getLocale(request);
  const t = dictionaryFor(locale);
  const query = parseCrosstabQuery(new URL(request.url));
  if (!query.ok || query.question === null || query.by === null) throw plainText(t.crosstab.invalidQuery, 400);

  const db = getDb();
  const outcome = await crosstabFor(db, code ?? "", query.question, query.by);
  if (!outcome.ok) throw plainText(t.common.notFoundBody, 404);
  if (outcome.crosstab === null) throw plainText(t.results.exports.tooFewRespondents, 409);

  const { survey } = outcome.definition;
  const rows = crosstabTable(outcome.crosstab, t, locale);
  await recordCrosstabExport(db, { id: user.id, label: user.employeeNumber }, survey.code, outcome.question.code, query.by, format, rows.length - 1);
  const dimension = t.results.breakdown.dimensions[query.by];
  const asciiName = `${survey.code}-${outcome.question.code}-${query.by}.${format}`;
  return tableDownload(rows, format, t.crosstab.sheetName, asciiName, `${t.crosstab.fileName(survey.code, outcome.question.code, dimension)}.${format}`);
}

/** What a results table export gives: its cells (header first), file names and what the audit log records. */
export interface TableExport {
  rows: ExportCell[][];
  /** The file name without extension, ASCII only (non-ASCII characters become "_"). */
  asciiName: string;
  /** The file name without extension, in the reader's language. */
  displayName: string;
  sheetName: string;
  /** The table's name in the audit log, plus any detail (e.g. the breakdown). */
  table: string;
  detail?: Record<string, unknown>;
}

export interface TableExportContext {
  db: Db;
  survey: Survey;
  t: Dictionary;
  locale: Locale;
  url: URL;
}

async function respondentCount(db: Db, surveyId: number): Promise<number> {
  const row = await db
    .selectFrom("respondent_tallies")
    .select("count")
    .where("survey_id", "=", surveyId)
    .where("dimension", "=", "all")
    .executeTakeFirst();
  return row?.count ?? 0;
}

/**
 * Any results table of a survey as a CSV or XLSX download, for HR only, audited before it is
 * sent. With `figures`, a survey under its minimum group size gives nothing (409); `build`
 * answers null when there is nothing to export (404).
 */
export async function tableExportResponse(
  request: Request,
  code: string | undefined,
  format: KpiExportFormat,
  options: { figures: boolean },
  build: (context: TableExportContext) => Promise<TableExport | null>,
): Promise<Response> {
  const user = await requireRole(request, HR_ROLES);
  const locale = await getLocale(request);
  const t = dictionaryFor(locale);
  const db = getDb();
  const survey = code === undefined ? undefined : await findSurvey(db, code);
  if (!survey) throw plainText(t.common.notFoundBody, 404);
  if (options.figures && (await respondentCount(db, survey.id)) < survey.min_group_size) {
    throw plainText(t.results.exports.tooFewRespondents, 409);
  }
  const table = await build({ db, survey, t, locale, url: new URL(request.url) });
  if (!table) throw plainText(t.common.notFoundBody, 404);
  await recordAudit(
    db,
    { id: user.id, label: user.employeeNumber },
    "results.export",
    { survey: survey.code, table: table.table, format, ...table.detail },
    table.rows.length - 1,
  );
  return tableDownload(table.rows, format, table.sheetName, `${table.asciiName}.${format}`, `${table.displayName}.${format}`);
}

const UTF8_BOM_LENGTH = 3;

/**
 * The anonymised response data (one row per response) as CSV or XLSX, for HR only and audited.
 * Responses are read a chunk at a time; the CSV is streamed as it is read, so a survey of
 * 100,000 responses never sits in memory as one file.
 */
export async function responsesExportResponse(request: Request, code: string | undefined, format: KpiExportFormat): Promise<Response> {
  const user = await requireRole(request, HR_ROLES);
  const locale = await getLocale(request);
  const t = dictionaryFor(locale);
  const db = getDb();
  const definition = code === undefined ? null : await loadSurveyDefinition(db, code);
  if (!definition) throw plainText(t.common.notFoundBody, 404);
  const { survey } = definition;
  const respondents = await respondentCount(db, survey.id);
  if (respondents < survey.min_group_size) throw plainText(t.results.exports.tooFewRespondents, 409);

  await recordResponseExport(db, { id: user.id, label: user.employeeNumber }, survey.code, format, respondents);
  const header = { dimensions: t.results.breakdown.dimensions };
  const asciiName = `${survey.code}-responses.${format}`;
  const displayName = `${t.reports.responses.fileName(survey.code)}.${format}`;

  if (format === "xlsx") {
    const rows: ExportCell[][] = [];
    for await (const chunk of responseExportRows(db, definition, header, locale)) rows.push(...chunk);
    return tableDownload(rows, format, t.reports.responses.sheetName, asciiName, displayName);
  }

  const chunks = responseExportRows(db, definition, header, locale);
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          controller.close();
          return;
        }
        const bytes = encodeCsv(next.value);
        // encodeCsv starts every piece with a byte order mark; the file needs only the first.
        controller.enqueue(first ? bytes : bytes.subarray(UTF8_BOM_LENGTH));
        first = false;
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": FORMATS.csv.contentType,
      "Content-Disposition": contentDisposition(asciiName, displayName),
      "Cache-Control": "no-store",
    },
  });
}
