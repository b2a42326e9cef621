import "~/i18n/area/unitResults.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fiscalYearLabel } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { closedSurveys } from "~/models/unit-results.server";
import { headedUnits } from "~/models/unit-heads.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.unitResults.listTitle);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const units = await headedUnits(getDb(), user.id);
  if (units.length === 0) throw json({ reason: "forbidden" }, { status: 403 });
  return json({ units, surveys: await closedSurveys(getDb()) });
}

export default function UnitResultsList() {
  const t = useT();
  const locale = useLocale();
  const u = t.unitResults;
  const { units, surveys } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{u.listTitle}</h1>
      <p>{u.listIntro}</p>
      <p>
        {u.yourUnits}: {units.join("、")}
      </p>
      {surveys.length === 0 ? <p>{u.noSurveys}</p> : null}
      {surveys.map((survey) => (
        <section key={survey.code} aria-labelledby={`survey-${survey.code}`}>
          <h2 id={`survey-${survey.code}`}>
            {locale === "ja" ? survey.title_ja : survey.title_en}（{fiscalYearLabel(survey.fiscal_year, locale)}）
          </h2>
          <ul className="link-list">
            {units.map((unit) => (
              <li key={unit}>
                <Link to={`/results/${encodeURIComponent(survey.code)}/unit?${new URLSearchParams({ unit })}`}>{u.title(unit)}</Link>
              </li>
            ))}
            <li>
              <Link to={`/manage/actions/${encodeURIComponent(survey.code)}`}>{u.actionsLink}</Link>
            </li>
          </ul>
        </section>
      ))}
    </>
  );
}
