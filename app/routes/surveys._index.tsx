import "~/i18n/area/surveyList.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { fiscalYearLabel, formatDate } from "~/domain/dates";
import { useLocale, useLocalisedText, useT } from "~/i18n/use-t";
import { hasAnswered } from "~/models/responses.server";
import { listSurveys } from "~/models/surveys.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.surveyList.listTitle);

/** The surveys open for answers, each marked with whether this person has answered it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const open = (await listSurveys(db)).filter((survey) => survey.status === "open");
  const surveys = await Promise.all(
    open.map(async (survey) => ({
      code: survey.code,
      title_ja: survey.title_ja,
      title_en: survey.title_en,
      fiscalYear: survey.fiscal_year,
      closesOn: survey.closes_on,
      answered: await hasAnswered(db, survey.id, user.id),
    })),
  );
  return json({ surveys });
}

export default function Surveys() {
  const t = useT();
  const locale = useLocale();
  const localised = useLocalisedText();
  const { surveys } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t.surveyList.listTitle}</h1>
      {surveys.length === 0 ? (
        <p>{t.surveyList.listEmpty}</p>
      ) : (
        <>
          <p>{t.surveyList.listIntro}</p>
          <TableScroll label={t.surveyList.listCaption}>
            <table>
              <caption>{t.surveyList.listCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.surveyList.columns.title}</th>
                  <th scope="col">{t.surveyList.columns.fiscalYear}</th>
                  <th scope="col">{t.surveyList.columns.closesOn}</th>
                  <th scope="col">{t.surveyList.columns.status}</th>
                </tr>
              </thead>
              <tbody>
                {surveys.map((survey) => {
                  const title = localised(survey.title_ja, survey.title_en);
                  return (
                    <tr key={survey.code}>
                      <td>{title}</td>
                      <td>{fiscalYearLabel(survey.fiscalYear, locale)}</td>
                      <td>{formatDate(survey.closesOn, locale)}</td>
                      <td>
                        {survey.answered ? (
                          <span className="badge badge-added">{t.surveyList.answered}</span>
                        ) : (
                          <Link to={`/surveys/${encodeURIComponent(survey.code)}`}>
                            {t.surveyList.answerNow}
                            <span className="visually-hidden">{`: ${title}`}</span>
                          </Link>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
