import "~/i18n/area/heatmap.client";
import "~/i18n/area/results.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HeatmapControls, HeatmapTable } from "~/components/results/heatmap";
import { fiscalYearLabel } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { surveyHeatmap } from "~/models/heatmap.server";
import { parseHeatmapQuery } from "~/schemas/heatmap.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.heatmap.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const query = parseHeatmapQuery(new URL(request.url));
  const by = query.ok ? query.by : "department";
  const against = query.ok ? query.against : "overall";
  const map = await surveyHeatmap(getDb(), params.code ?? "", by, against);
  if (!map) throw json({ reason: "not_found" }, { status: 404 });
  return json({ ...map, against, invalidQuery: !query.ok });
}

export default function HeatmapPage() {
  const t = useT();
  const locale = useLocale();
  const { survey, by, against, heatmap, questions, invalidQuery, withheld } = useLoaderData<typeof loader>();
  const h = t.heatmap;
  const base = `/results/${encodeURIComponent(survey.code)}`;
  const download = new URLSearchParams({ by, against });
  return (
    <>
      <p>
        <Link to={base}>{h.backToResults}</Link>
      </p>
      <h1>
        {h.title}: {locale === "ja" ? survey.title_ja : survey.title_en}
      </h1>
      <p>{fiscalYearLabel(survey.fiscal_year, locale)}</p>
      <p>{h.intro}</p>
      {invalidQuery ? (
        <p className="warning" role="status">
          {h.invalidQuery}
        </p>
      ) : null}
      <HeatmapControls by={by} against={against} />
      <p className="field-hint">{h.suppressionRule(survey.min_group_size)}</p>
      {heatmap === null ? (
        <p className="warning">{withheld ? t.results.withheld[withheld](survey.min_group_size) : null}</p>
      ) : (
        <>
          <HeatmapTable heatmap={heatmap} questions={questions} dimension={by} />
          <ul className="link-list">
            <li>
              <a href={`${base}/heatmap.csv?${download}`} download>
                {h.csv}
              </a>
            </li>
            <li>
              <a href={`${base}/heatmap.xlsx?${download}`} download>
                {h.xlsx}
              </a>
            </li>
          </ul>
          <p className="field-hint">{t.results.exports.note}</p>
        </>
      )}
    </>
  );
}
