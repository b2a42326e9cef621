import type { TableExport, TableExportContext } from "~/utils/exports.server";
import { getSurveyResults } from "./results.server";
import { surveyTrend, trendExportTable } from "./trends.server";

/** Response rates by department: counts only, so they are given even for a survey under its minimum. */
export async function departmentRatesExport({ db, survey, t }: TableExportContext): Promise<TableExport | null> {
  const results = await getSurveyResults(db, survey.code);
  if (!results) return null;
  const s = t.results.summary;
  const d = t.reports.departmentRates;
  return {
    rows: [
      [s.department, s.eligible, s.respondents, s.responseRate],
      ...results.departmentRates.map((row) => [
        row.department,
        row.eligible,
        row.respondents,
        row.rate === null ? null : { value: Math.round(row.rate * 1000) / 10, decimals: 1 },
      ]),
    ],
    asciiName: `${survey.code}-response-rates`,
    displayName: d.fileName(survey.code),
    sheetName: d.sheetName,
    table: "department_rates",
  };
}

/** The series' means by fiscal year; years under their own minimum carry no figures (see surveyTrend). */
export async function trendExport({ db, survey, t, locale }: TableExportContext): Promise<TableExport | null> {
  const trend = await surveyTrend(db, survey.code);
  if (!trend) return null;
  const r = t.reports.trend;
  return {
    rows: trendExportTable(trend, t, locale),
    asciiName: `${survey.code}-trend`,
    displayName: r.fileName(survey.code),
    sheetName: r.sheetName,
    table: "trend",
  };
}
