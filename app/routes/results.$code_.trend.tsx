import "~/i18n/area/reports.client";
import "~/i18n/area/results.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TrendChart, TrendTable, TrendYears } from "~/components/results/trend";
import { fiscalYearLabel } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { surveyTrend } from "~/models/trends.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/utils/meta";

export const meta = titled((t) => t.reports.trend.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const trend = await surveyTrend(getDb(), params.code ?? "");
  if (!trend) throw json({ reason: "not_found" }, { status: 404 });
  return json(trend);
}

export default function SurveyTrendPage() {
  const t = useT();
  const locale = useLocale();
  const { survey, years, rows } = useLoaderData<typeof loader>();
  const r = t.reports.trend;
  const base = `/results/${encodeURIComponent(survey.code)}`;
  return (
    <>
      <p>
        <Link to={base}>{r.backToResults}</Link>
      </p>
      <h1>
        {r.title}: {locale === "ja" ? survey.title_ja : survey.title_en}
      </h1>
      <p>{fiscalYearLabel(survey.fiscal_year, locale)}</p>
      <p>{r.intro}</p>
      {years.length < 2 ? <p className="warning">{r.onlyOneYear}</p> : null}
      <TrendYears years={years} />
      {rows.length > 0 ? (
        <>
          <TrendChart years={years} rows={rows} />
          <TrendTable years={years} rows={rows} />
          <ul className="link-list">
            <li>
              <a href={`${base}/trend.csv`} download>
                {r.csv}
              </a>
            </li>
            <li>
              <a href={`${base}/trend.xlsx`} download>
                {r.xlsx}
              </a>
            </li>
          </ul>
          <p className="field-hint">{t.results.exports.note}</p>
        </>
      ) : null}
    </>
  );
}
