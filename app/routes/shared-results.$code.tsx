import "~/i18n/area/results.client";
import "~/i18n/area/shared.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionList } from "~/components/results/actions";
import { formatScore } from "~/components/results/figures";
import { KpiCharts } from "~/components/results/kpi-charts";
import { KpiTable } from "~/components/results/kpi-table";
import { fiscalYearLabel, formatDate } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { sharedSummary } from "~/models/publications.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.shared.listTitle);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const summary = await sharedSummary(getDb(), params.code ?? "", user);
  if (!summary) throw json({ reason: "not_found" }, { status: 404 });
  return json(summary);
}

export default function SharedResultsPage() {
  const t = useT();
  const locale = useLocale();
  const s = t.shared;
  const { survey, publication, questions, ownUnit, actions } = useLoaderData<typeof loader>();
  const title = locale === "ja" ? survey.title_ja : survey.title_en;
  const wardMean = (code: string) => {
    const ward = questions.find((q) => q.code === code);
    return ward && !ward.withheld ? ward.mean : null;
  };
  return (
    <>
      <p>
        <Link to="/shared-results">{s.backToList}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {fiscalYearLabel(survey.fiscal_year, locale)} / {s.publishedOn(formatDate(publication.published_at, locale))}
      </p>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{s.summaryHeading}</h2>
        {(locale === "ja" ? publication.summary_ja : publication.summary_en).split(/\n{2,}/).map((paragraph, index) => (
          <p key={index} className="pre-line">
            {paragraph}
          </p>
        ))}
      </section>
      <KpiTable questions={questions} minGroupSize={survey.min_group_size} />
      <KpiCharts questions={questions} />
      {ownUnit ? (
        <section aria-labelledby="own-unit-heading">
          <h2 id="own-unit-heading">{s.ownUnitHeading(ownUnit.group)}</h2>
          <div className="table-scroll">
            <table>
              <caption>{s.ownUnitCaption(ownUnit.group)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.results.table.question}</th>
                  <th scope="col" className="num">
                    {t.results.table.mean}
                  </th>
                  <th scope="col" className="num">
                    {s.wardHeading}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ownUnit.questions.map((question) => (
                  <tr key={question.code}>
                    <th scope="row">
                      {question.code} <small>{locale === "ja" ? question.indicator_ja : question.indicator_en}</small>
                    </th>
                    <td className="num">{question.withheld ? t.results.table.suppressed : formatScore(question.mean)}</td>
                    <td className="num">{formatScore(wardMean(question.code))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        <p className="notice">{s.ownUnitHidden}</p>
      )}
      <section aria-labelledby="shared-actions-heading">
        <h2 id="shared-actions-heading">{s.actionsHeading}</h2>
        <ActionList actions={actions} caption={s.actionsHeading} editable={() => false} />
      </section>
    </>
  );
}
