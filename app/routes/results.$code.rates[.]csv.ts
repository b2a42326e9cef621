import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSurveyResults } from "~/models/results.server";
import { tableExportResponse } from "~/utils/exports.server";

/** Response rates by department: counts only, so they are given even for a survey under its minimum. */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  tableExportResponse(request, params.code, "csv", { figures: false }, async ({ db, survey, t }) => {
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
  });
