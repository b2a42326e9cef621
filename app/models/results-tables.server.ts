import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { ExportFormat, ExportRefusal, TableFile } from "~/domain/export/table-file";
import { crosstabTable } from "~/domain/survey/crosstab";
import type { HeatmapReference } from "~/domain/survey/heatmap";
import { kpiReportTable } from "~/domain/survey/kpi-report";
import type { BreakdownDimension } from "~/domain/survey/suppression";
import type { Dictionary, Locale } from "~/i18n/dictionary";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { crosstabFor } from "./crosstab.server";
import { heatmapTable, surveyHeatmap } from "./heatmap.server";
import { getSurveyResults, kpiReportFor } from "./results.server";
import { findSurvey } from "./surveys.server";
import { surveyTrend, trendExportTable } from "./trends.server";

/** Who asks for a table, in which format and language. Authorisation is the caller's (a route's requireRole, or the CLI). */
export interface ExportRequest {
  actor: Actor;
  format: ExportFormat;
  t: Dictionary;
  locale: Locale;
}

/** `detail` adds to what the audit entry records (e.g. the question as the survey spells it). */
export type TableExportOutcome = { ok: true; file: TableFile; detail?: Record<string, unknown> } | ExportRefusal;

/**
 * Builds a results table and records its download in one transaction, so no file is given
 * without its audit entry and the entry counts the rows that were given.
 */
async function auditedTable(
  db: Kysely<Database>,
  request: ExportRequest,
  detail: { survey: string; table: string } & Record<string, unknown>,
  build: (trx: Db) => Promise<TableExportOutcome>,
): Promise<TableExportOutcome> {
  return db.transaction().execute(async (trx) => {
    const outcome = await build(trx);
    if (outcome.ok) {
      await recordAudit(trx, request.actor, "results.export", { ...detail, ...outcome.detail, format: request.format }, outcome.file.rows.length - 1);
    }
    return outcome;
  });
}

/** The KPI table (overall or by one dimension), as far as the disclosure gate gives figures. */
export async function exportKpiTable(
  db: Kysely<Database>,
  request: ExportRequest,
  code: string,
  by: BreakdownDimension | null,
): Promise<TableExportOutcome> {
  const { t, locale } = request;
  return auditedTable(db, request, { survey: code, table: "kpi", by }, async (trx) => {
    const outcome = await kpiReportFor(trx, code, by);
    if (!outcome.ok) return outcome.reason === "unknown_survey" ? { ok: false, reason: outcome.reason } : { ok: false, reason: outcome.reason, minimumSize: outcome.minimumSize };
    const dimension = by === null ? null : t.results.breakdown.dimensions[by];
    return {
      ok: true,
      file: {
        rows: kpiReportTable(outcome.report, t, locale),
        asciiName: `${code}-kpi${by === null ? "" : `-${by}`}`,
        displayName: t.results.exports.fileName(code, dimension),
        sheetName: t.results.exports.sheetName,
      },
    };
  });
}

/** One choice question by one dimension; hidden groups are named without figures. */
export async function exportCrosstabTable(
  db: Kysely<Database>,
  request: ExportRequest,
  code: string,
  questionCode: string,
  by: BreakdownDimension,
): Promise<TableExportOutcome> {
  const { t, locale } = request;
  return auditedTable(db, request, { survey: code, table: "crosstab", question: questionCode, by }, async (trx) => {
    const outcome = await crosstabFor(trx, code, questionCode, by);
    if (!outcome.ok) return { ok: false, reason: outcome.reason };
    if (outcome.crosstab === null) return { ok: false, reason: outcome.withheld!, minimumSize: outcome.definition.survey.min_group_size };
    const question = outcome.question.code;
    return {
      ok: true,
      file: {
        rows: crosstabTable(outcome.crosstab, t, locale),
        asciiName: `${code}-${question}-${by}`,
        displayName: t.crosstab.fileName(code, question, t.results.breakdown.dimensions[by]),
        sheetName: t.crosstab.sheetName,
      },
      detail: { question },
    };
  });
}

/** Response rates by department: counts only, which the gate gives even while a survey is open. */
export async function exportDepartmentRates(db: Kysely<Database>, request: ExportRequest, code: string): Promise<TableExportOutcome> {
  const { t } = request;
  return auditedTable(db, request, { survey: code, table: "department_rates" }, async (trx) => {
    const results = await getSurveyResults(trx, code);
    if (!results) return { ok: false, reason: "unknown_survey" };
    const s = t.results.summary;
    return {
      ok: true,
      file: {
        rows: [
          [s.department, s.eligible, s.respondents, s.responseRate],
          ...results.departmentRates.map((row) => [
            row.department,
            row.eligible,
            row.respondents,
            row.rate === null ? null : { value: Math.round(row.rate * 1000) / 10, decimals: 1 },
          ]),
        ],
        asciiName: `${code}-response-rates`,
        displayName: t.reports.departmentRates.fileName(code),
        sheetName: t.reports.departmentRates.sheetName,
      },
    };
  });
}

/** The series' means by fiscal year; a year the gate gives no figures for has none (see surveyTrend). */
export async function exportTrend(db: Kysely<Database>, request: ExportRequest, code: string): Promise<TableExportOutcome> {
  const { t, locale } = request;
  return auditedTable(db, request, { survey: code, table: "trend" }, async (trx) => {
    const survey = await findSurvey(trx, code);
    const trend = survey ? await surveyTrend(trx, survey.code) : null;
    if (!trend) return { ok: false, reason: "unknown_survey" };
    return {
      ok: true,
      file: {
        rows: trendExportTable(trend, t, locale),
        asciiName: `${code}-trend`,
        displayName: t.reports.trend.fileName(code),
        sheetName: t.reports.trend.sheetName,
      },
    };
  });
}

/** The heatmap (groups × questions against the ward overall or the target); hidden cells say so. */
export async function exportHeatmap(
  db: Kysely<Database>,
  request: ExportRequest,
  code: string,
  by: BreakdownDimension,
  against: HeatmapReference,
): Promise<TableExportOutcome> {
  const { t } = request;
  return auditedTable(db, request, { survey: code, table: "heatmap", by, against }, async (trx) => {
    const map = await surveyHeatmap(trx, code, by, against);
    if (!map) return { ok: false, reason: "unknown_survey" };
    if (!map.heatmap) return { ok: false, reason: map.withheld!, minimumSize: map.survey.min_group_size };
    return {
      ok: true,
      file: {
        rows: heatmapTable(by, map.heatmap, t),
        asciiName: `${code}-heatmap-${by}-${against}`,
        displayName: t.heatmap.fileName(code, t.results.breakdown.dimensions[by]),
        sheetName: t.heatmap.sheetName,
      },
    };
  });
}
