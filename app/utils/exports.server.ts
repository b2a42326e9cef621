import { encodeCsv } from "~/domain/export/csv-encode";
import type { ExportCell } from "~/domain/export/formula-safety";
import { buildXlsx } from "~/domain/export/xlsx";
import { kpiReportTable } from "~/domain/survey/kpi-report";
import { getLocale } from "~/i18n/locale.server";
import { dictionaryFor } from "~/i18n";
import { kpiReportFor, recordKpiExport } from "~/models/results.server";
import { findSurvey } from "~/models/surveys.server";
import { parseBreakdownQuery } from "~/schemas/results.server";
import { HR_ROLES, requireRole } from "./auth.server";
import { getDb } from "./db.server";

export type KpiExportFormat = "csv" | "xlsx";

const FORMATS: Record<KpiExportFormat, { contentType: string; encode: (rows: ExportCell[][], sheetName: string) => Uint8Array }> = {
  csv: { contentType: "text/csv; charset=utf-8", encode: (rows) => encodeCsv(rows) },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    encode: (rows, sheetName) => buildXlsx([{ name: sheetName, rows, boldHeader: true }]),
  },
};

function plainText(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Browsers that ignore `filename*` fall back to `filename`, which must be plain ASCII. */
function contentDisposition(asciiName: string, displayName: string): string {
  return `attachment; filename="${asciiName.replace(/[^A-Za-z0-9._-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(displayName)}`;
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

  const { contentType, encode } = FORMATS[format];
  const dimension = query.by === null ? null : t.results.breakdown.dimensions[query.by];
  const asciiName = `${survey.code}-kpi${query.by === null ? "" : `-${query.by}`}.${format}`;
  // Copied into an ArrayBuffer-backed array, which is what a Response body is typed to take.
  return new Response(new Uint8Array(encode(rows, t.results.exports.sheetName)), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": contentDisposition(asciiName, `${t.results.exports.fileName(survey.code, dimension)}.${format}`),
      "Cache-Control": "no-store",
    },
  });
}
