import "~/i18n/area/results.client";
import "~/i18n/area/surveyAdmin.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fiscalYearLabel, formatDate } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { listSurveys } from "~/models/surveys.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.results.title);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const surveys = await listSurveys(getDb());
  return json({
    surveys: surveys.map(({ code, title_ja, title_en, fiscal_year, status, opens_on, closes_on }) => ({
      code,
      title_ja,
      title_en,
      fiscal_year,
      status,
      opens_on,
      closes_on,
    })),
  });
}

export default function ResultsIndex() {
  const t = useT();
  const locale = useLocale();
  const { surveys } = useLoaderData<typeof loader>();
  const l = t.results.list;
  return (
    <>
      <h1>{t.results.title}</h1>
      <p>{l.intro}</p>
      {surveys.length === 0 ? (
        <p>{l.noSurveys}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.survey}</th>
                <th scope="col">{l.code}</th>
                <th scope="col">{l.fiscalYear}</th>
                <th scope="col">{l.period}</th>
                <th scope="col">{l.status}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey) => (
                <tr key={survey.code}>
                  <th scope="row">
                    <Link to={`/results/${encodeURIComponent(survey.code)}`}>
                      {locale === "ja" ? survey.title_ja : survey.title_en}
                    </Link>
                  </th>
                  <td>{survey.code}</td>
                  <td>{fiscalYearLabel(survey.fiscal_year, locale)}</td>
                  <td>{l.periodRange(formatDate(survey.opens_on, locale), formatDate(survey.closes_on, locale))}</td>
                  <td>{t.surveyAdmin.statusNames[survey.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
