import "~/i18n/area/heatmap.client";
import "~/i18n/area/results.client";
import "~/i18n/area/unitResults.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AchievedBadge, formatScore } from "~/components/results/figures";
import { HeatmapControls, HeatmapTable } from "~/components/results/heatmap";
import { fiscalYearLabel } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { mayViewUnitResults } from "~/models/unit-heads.server";
import { unitResults } from "~/models/unit-results.server";
import { parseUnitQuery } from "~/schemas/unit-results.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.unitResults.listTitle);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseUnitQuery(new URL(request.url));
  if (!query.ok) throw json({ reason: "not_found" }, { status: 404 });
  if (!(await mayViewUnitResults(getDb(), user, query.unit))) throw json({ reason: "forbidden" }, { status: 403 });
  const results = await unitResults(getDb(), params.code ?? "", query.unit, query.against);
  if (!results) throw json({ reason: "not_found" }, { status: 404 });
  return json({ ...results, against: query.against });
}

export default function UnitResultsPage() {
  const t = useT();
  const locale = useLocale();
  const u = t.unitResults;
  const h = t.heatmap;
  const { survey, unit, coverage, ward, heatmap, against, withheld } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/unit-results">{u.backToList}</Link>
      </p>
      <h1>{u.title(unit)}</h1>
      <p>
        {locale === "ja" ? survey.title_ja : survey.title_en} / {fiscalYearLabel(survey.fiscal_year, locale)}
      </p>
      {ward === null || heatmap === null ? (
        <p className="warning">{withheld ? t.results.withheld[withheld](survey.min_group_size) : null}</p>
      ) : (
        <>
          <section aria-labelledby="unit-heading">
            <h2 id="unit-heading">{u.unitHeading}</h2>
            {coverage === "parent" ? <p className="notice">{u.coverageParent}</p> : null}
            {coverage === "none" ? <p className="notice">{u.coverageNone}</p> : null}
            <HeatmapControls by={null} against={against} keep={{ unit }} />
            <p className="field-hint">{h.suppressionRule(survey.min_group_size)}</p>
            {coverage === "none" ? null : <HeatmapTable heatmap={heatmap} questions={ward} dimension="department" />}
          </section>
          <section aria-labelledby="ward-heading">
            <h2 id="ward-heading">{u.wardHeading}</h2>
            <div className="table-scroll">
              <table>
                <caption>{u.wardCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.results.table.question}</th>
                    <th scope="col" className="num">
                      {t.results.table.mean}
                    </th>
                    <th scope="col" className="num">
                      {t.results.table.target}
                    </th>
                    <th scope="col">{t.results.table.achieved}</th>
                  </tr>
                </thead>
                <tbody>
                  {ward.map((question) => (
                    <tr key={question.code}>
                      <th scope="row">
                        {question.code} <small>{(locale === "ja" ? question.indicator_ja : question.indicator_en) ?? (locale === "ja" ? question.text_ja : question.text_en)}</small>
                      </th>
                      <td className="num">{question.withheld ? t.results.table.suppressed : formatScore(question.mean)}</td>
                      <td className="num">{formatScore(question.target)}</td>
                      <td>{question.isKpi && !question.withheld ? <AchievedBadge achieved={question.achieved} /> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
