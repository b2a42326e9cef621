import "~/i18n/area/shared.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fiscalYearLabel, formatDate } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { listPublished } from "~/models/publications.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.shared.listTitle);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({ surveys: await listPublished(getDb()) });
}

export default function SharedResultsList() {
  const t = useT();
  const locale = useLocale();
  const s = t.shared;
  const { surveys } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{s.listTitle}</h1>
      <p>{s.listIntro}</p>
      {surveys.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ul className="link-list">
          {surveys.map((survey) => (
            <li key={survey.code}>
              <Link to={`/shared-results/${encodeURIComponent(survey.code)}`}>{locale === "ja" ? survey.title_ja : survey.title_en}</Link>（
              {fiscalYearLabel(survey.fiscal_year, locale)}、{s.publishedOn(formatDate(survey.published_at, locale))}）
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
