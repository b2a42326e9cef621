import type { LoaderFunctionArgs } from "@remix-run/node";
import { surveyTrend, trendExportTable } from "~/models/trends.server";
import { tableExportResponse } from "~/utils/exports.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  tableExportResponse(request, params.code, "csv", { figures: false }, async ({ db, survey, t, locale }) => {
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
  });
