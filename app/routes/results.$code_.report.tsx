import "~/i18n/area/reportSummary.client";
import "~/i18n/area/reports.client";
import "~/i18n/area/results.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DistributionTables } from "~/components/results/distribution-tables";
import { formatChange, formatCount, formatScore, formatShare } from "~/components/results/figures";
import { KpiTable } from "~/components/results/kpi-table";
import { LogicModel } from "~/components/results/logic-model";
import { TrendTable } from "~/components/results/trend";
import { fiscalYearLabel, formatEraDate } from "~/domain/dates";
import { reportSummary } from "~/domain/survey/report-summary";
import { HeatmapTable } from "~/components/results/heatmap";
import { KpiCharts } from "~/components/results/kpi-charts";
import { surveyHeatmap } from "~/models/heatmap.server";
import { findPublication } from "~/models/publications.server";
import { useLocale, useT } from "~/i18n/use-t";
import { getSurveyResults } from "~/models/results.server";
import { surveyTrend } from "~/models/trends.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.reports.report.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const db = getDb();
  const results = await getSurveyResults(db, params.code ?? "");
  if (!results) throw json({ reason: "not_found" }, { status: 404 });
  const { code, title_ja, title_en, fiscal_year, min_group_size } = results.definition.survey;
  const { figures } = results;
  const questionsById = new Map(results.definition.sections.flatMap((s) => s.questions).map((q) => [q.code, q]));
  const trend = figures ? await surveyTrend(db, code) : null;
  const map = figures ? await surveyHeatmap(db, code, "department", "overall") : null;
  const publication = await findPublication(db, results.definition.survey.id);
  return json({
    survey: { code, title_ja, title_en, fiscal_year, min_group_size },
    preparedOn: new Date().toISOString(),
    publication: publication ? { summary_ja: publication.summary_ja, summary_en: publication.summary_en } : null,
    participation: { respondents: results.respondents, responseRate: results.responseRate },
    withheld: results.withheld,
    figures: figures
      ? {
          questions: figures.questions,
          logicModel: figures.logicModel,
          distributions: figures.questions.flatMap((q) =>
            q.withheld
              ? []
              : [
                  {
                    code: q.code,
                    text_ja: q.text_ja,
                    text_en: q.text_en,
                    n: q.n,
                    options: (questionsById.get(q.code)?.options ?? []).map((option) => ({
                      ...option,
                      count: q.distribution[option.value as 1 | 2 | 3 | 4] ?? 0,
                    })),
                  },
                ],
          ),
          trend: trend && trend.years.length > 1 ? { years: trend.years, rows: trend.rows } : null,
          summary: reportSummary(figures.questions.filter((q) => q.isKpi && !q.withheld)),
          heatmap: map?.heatmap ? { heatmap: map.heatmap, questions: map.questions } : null,
        }
      : null,
  });
}

export default function SurveyReportPage() {
  const t = useT();
  const locale = useLocale();
  const { survey, preparedOn, participation, withheld, figures, publication } = useLoaderData<typeof loader>();
  const r = t.reports.report;
  const s = t.reportSummary;
  return (
    <article className="print-report">
      <p className="screen-only">
        <Link to={`/results/${encodeURIComponent(survey.code)}`}>{r.backToResults}</Link>
      </p>
      <p className="screen-only field-hint">{r.printHint}</p>
      <header className="print-report-title">
        <h1>{locale === "ja" ? survey.title_ja : survey.title_en}</h1>
        <p>
          {fiscalYearLabel(survey.fiscal_year, locale)} / {r.title}
        </p>
        <p>{r.generated(formatEraDate(preparedOn, locale))}</p>
      </header>

      <section aria-labelledby="report-summary-heading">
        <h2 id="report-summary-heading">{r.summaryHeading}</h2>
        <p>{r.summary(
            formatCount(participation.respondents, locale),
            participation.responseRate === null ? null : formatShare(participation.responseRate),
          )}</p>
        {figures && figures.summary.measured > 0 ? <p>{r.kpisMet(figures.summary.met, figures.summary.measured)}</p> : null}
        {figures && figures.summary.furthestBelow.length > 0 ? (
          <p>{s.furthestBelow(figures.summary.furthestBelow.map((kpi) => s.gap(kpi.code, formatScore(kpi.gap))).join("、"))}</p>
        ) : null}
        {figures && figures.summary.mostImproved.length > 0 ? (
          <p>{s.mostImproved(figures.summary.mostImproved.map((kpi) => s.change(kpi.code, formatChange(kpi.change))).join("、"))}</p>
        ) : null}
        {figures?.logicModel ? <p>{s.finalOutcome(t.results.logicModel.statusNames[figures.logicModel.finalOutcome.rolledUpStatus])}</p> : null}
        {publication ? (
          <>
            <h3>{s.publishedHeading}</h3>
            <p className="pre-line">{locale === "ja" ? publication.summary_ja : publication.summary_en}</p>
          </>
        ) : null}
        {withheld ? <p className="warning">{t.results.withheld[withheld](survey.min_group_size)}</p> : null}
      </section>

      {figures ? (
        <>
          <div className="print-page">
            <KpiTable questions={figures.questions} minGroupSize={survey.min_group_size} />
            <KpiCharts questions={figures.questions} />
          </div>
          {figures.heatmap ? (
            <section className="print-page" aria-labelledby="report-heatmap-heading">
              <h2 id="report-heatmap-heading">{s.heatmapHeading}</h2>
              <HeatmapTable heatmap={figures.heatmap.heatmap} questions={figures.heatmap.questions} dimension="department" />
            </section>
          ) : null}
          {figures.logicModel ? (
            <div className="print-page">
              <LogicModel model={figures.logicModel} />
            </div>
          ) : null}
          {figures.trend ? (
            <section className="print-page" aria-labelledby="report-trend-heading">
              <h2 id="report-trend-heading">{t.reports.trend.title}</h2>
              <TrendTable years={figures.trend.years} rows={figures.trend.rows} />
            </section>
          ) : null}
          <section className="print-page" aria-labelledby="report-distribution-heading">
            <h2 id="report-distribution-heading">{r.distributionHeading}</h2>
            <p className="field-hint">{t.results.charts.scaleNote}</p>
            <DistributionTables questions={figures.distributions} />
          </section>
        </>
      ) : null}
    </article>
  );
}
