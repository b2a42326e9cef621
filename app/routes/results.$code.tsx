import "~/i18n/area/indicators.client";
import "~/i18n/area/results.client";
import "~/i18n/area/surveyAdmin.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionEvaluation, ActionsBesideKpis } from "~/components/results/actions";
import { Breakdown } from "~/components/results/breakdown";
import { IndicatorTable, indicatorYears } from "~/components/results/indicators";
import { ExportLinks } from "~/components/results/export-links";
import { KpiCharts } from "~/components/results/kpi-charts";
import { KpiTable } from "~/components/results/kpi-table";
import { LogicModel } from "~/components/results/logic-model";
import { ParticipationSummary } from "~/components/results/participation-summary";
import { ReportLinks } from "~/components/results/report-links";
import { fiscalYearLabel } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { freeTextQuestions } from "~/models/free-text.server";
import { getSurveyResults } from "~/models/results.server";
import { evaluateEarlierActions, listActions } from "~/models/actions.server";
import { listIndicators } from "~/models/indicators.server";
import { parseBreakdownQuery } from "~/schemas/results.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.results.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const query = parseBreakdownQuery(new URL(request.url));
  const results = await getSurveyResults(getDb(), params.code ?? "", query.ok ? query.by : null);
  if (!results) throw json({ reason: "not_found" }, { status: 404 });
  const { code, title_ja, title_en, fiscal_year, status, min_group_size } = results.definition.survey;
  // Answer figures come only from the disclosure gate; the page offers what it gave.
  const { figures } = results;
  const freeText = figures ? await freeTextQuestions(getDb(), results.definition.survey.id) : [];
  const choiceQuestions = results.definition.sections
    .flatMap((section) => section.questions)
    .filter((question) => question.type === "single_choice" || question.type === "multiple_choice")
    .map((question) => question.code);
  const actions = await listActions(getDb(), results.definition.survey.id, { kind: "all" });
  const earlierActions = await evaluateEarlierActions(getDb(), code, { kind: "all" });
  return json({
    indicators: await listIndicators(getDb()),
    actions,
    earlierActions,
    freeTextQuestions: freeText.map((q) => q.code),
    choiceQuestions: figures ? choiceQuestions : [],
    survey: { code, title_ja, title_en, fiscal_year, status, min_group_size },
    invalidBreakdown: !query.ok,
    participation: {
      respondents: results.respondents,
      eligible: results.eligible,
      responseRate: results.responseRate,
      departmentRates: results.departmentRates,
    },
    withheld: results.withheld,
    figures,
  });
}

export default function SurveyResultsPage() {
  const t = useT();
  const locale = useLocale();
  const { survey, invalidBreakdown, participation, withheld, figures, freeTextQuestions, choiceQuestions, actions, earlierActions, indicators } =
    useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/results">{t.results.backToList}</Link>
      </p>
      <h1>{locale === "ja" ? survey.title_ja : survey.title_en}</h1>
      <p>
        {fiscalYearLabel(survey.fiscal_year, locale)} / {t.surveyAdmin.statusNames[survey.status]}
      </p>
      {invalidBreakdown ? (
        <p className="warning" role="status">
          {t.results.breakdown.invalidDimension}
        </p>
      ) : null}
      <ReportLinks code={survey.code} freeTextQuestions={freeTextQuestions} choiceQuestions={choiceQuestions} />
      <ParticipationSummary participation={participation} />
      <ActionEvaluation actions={earlierActions} fiscalYear={survey.fiscal_year} />
      {figures === null ? (
        <p className="warning">{withheld ? t.results.withheld[withheld](survey.min_group_size) : null}</p>
      ) : (
        <>
          <KpiTable questions={figures.questions} minGroupSize={survey.min_group_size} />
          <ExportLinks code={survey.code} by={figures.breakdown?.dimension ?? null} />
          <KpiCharts questions={figures.questions} />
          {figures.logicModel ? <LogicModel model={figures.logicModel} /> : null}
          <ActionsBesideKpis questions={figures.questions} actions={actions} />
          <Breakdown breakdown={figures.breakdown} minGroupSize={survey.min_group_size} />
          <section aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{t.indicators.heading}</h2>
            <IndicatorTable indicators={indicators} years={indicatorYears(indicators).filter((year) => year <= survey.fiscal_year)} />
          </section>
        </>
      )}
    </>
  );
}
