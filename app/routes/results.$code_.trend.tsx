import "~/i18n/area/indicators.client";
import "~/i18n/area/reports.client";
import "~/i18n/area/results.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IndicatorTable } from "~/components/results/indicators";
import { TrendChart, TrendQuestionPicker, TrendTable, TrendYears } from "~/components/results/trend";
import { fiscalYearLabel } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { listIndicators } from "~/models/indicators.server";
import { surveyTrend } from "~/models/trends.server";
import { selectedTrendQuestions } from "~/schemas/trend.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.reports.trend.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const trend = await surveyTrend(getDb(), params.code ?? "");
  if (!trend) throw json({ reason: "not_found" }, { status: 404 });
  const selected = selectedTrendQuestions(new URL(request.url), trend.rows.map((row) => row.code));
  return json({ ...trend, selected, indicators: await listIndicators(getDb()) });
}

export default function SurveyTrendPage() {
  const t = useT();
  const locale = useLocale();
  const { survey, years, rows, indicators, selected } = useLoaderData<typeof loader>();
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
          <TrendQuestionPicker rows={rows} selected={selected} />
          <TrendChart years={years} rows={rows.filter((row) => selected.includes(row.code))} />
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
      <section aria-labelledby="trend-indicators-heading">
        <h2 id="trend-indicators-heading">{t.indicators.heading}</h2>
        <IndicatorTable indicators={indicators} years={years.map((year) => year.fiscalYear)} />
      </section>
    </>
  );
}
