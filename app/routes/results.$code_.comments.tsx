import "~/i18n/area/reports.client";
import "~/i18n/area/results.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { COMMENT_GROUP_FACTOR } from "~/domain/survey/disclosure";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";
import { useLocale, useT } from "~/i18n/use-t";
import { freeTextQuestions, listFreeText } from "~/models/free-text.server";
import { findSurvey } from "~/models/surveys.server";
import { parseBreakdownQuery } from "~/schemas/results.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.reports.comments.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const db = getDb();
  const survey = await findSurvey(db, params.code ?? "");
  if (!survey) throw json({ reason: "not_found" }, { status: 404 });
  const url = new URL(request.url);
  const breakdown = parseBreakdownQuery(url);
  const by = breakdown.ok ? breakdown.by : null;
  const questions = await freeTextQuestions(db, survey.id);
  const asked = url.searchParams.get("question") ?? questions[0]?.code ?? null;
  // Whether and how the comments may be listed is the disclosure gate's decision (listFreeText).
  const outcome = asked === null ? null : await listFreeText(db, survey, asked, by);
  if (asked !== null && outcome === null) throw json({ reason: "not_found" }, { status: 404 });
  return json(
    {
      survey: { code: survey.code, title_ja: survey.title_ja, title_en: survey.title_en, min_group_size: survey.min_group_size },
      questions,
      question: asked,
      by,
      withheld: outcome && !outcome.shown ? outcome.reason : null,
      listing: outcome?.shown ? outcome : null,
    },
    // A new random order on every request: nothing may keep one.
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function FreeTextPage() {
  const t = useT();
  const locale = useLocale();
  const { survey, questions, question, by, withheld, listing } = useLoaderData<typeof loader>();
  const c = t.reports.comments;
  const b = t.results.breakdown;
  const current = questions.find((q) => q.code === question);
  return (
    <>
      <p>
        <Link to={`/results/${encodeURIComponent(survey.code)}`}>{c.backToResults}</Link>
      </p>
      <h1>
        {c.title}: {locale === "ja" ? survey.title_ja : survey.title_en}
      </h1>
      {questions.length === 0 ? (
        <p>{c.none}</p>
      ) : (
        <>
          <Form method="get" className="toolbar">
            <div className="field">
              <label htmlFor="comments-question">{c.question}</label>
              <select id="comments-question" name="question" defaultValue={question ?? ""} key={question}>
                {questions.map((q) => (
                  <option key={q.code} value={q.code}>
                    {q.code} {locale === "ja" ? q.text_ja : q.text_en}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="comments-by">{b.dimension}</label>
              <select id="comments-by" name="by" defaultValue={by ?? ""} key={by}>
                <option value="">{b.none}</option>
                {BREAKDOWN_DIMENSIONS.map((dimension) => (
                  <option key={dimension} value={dimension}>
                    {b.dimensions[dimension]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button-secondary">
              {c.choose}
            </button>
          </Form>
          <p className="field-hint">{c.rule(survey.min_group_size * COMMENT_GROUP_FACTOR)}</p>
          {current ? (
            <h2 id="comments-heading">
              {current.code} {locale === "ja" ? current.text_ja : current.text_en}
            </h2>
          ) : null}
          {withheld ? (
            <p className="warning">{t.results.withheld[withheld](survey.min_group_size)}</p>
          ) : listing === null || listing.total === 0 ? (
            <p>{c.noAnswers}</p>
          ) : (
            <>
              <p className="field-hint">{c.order}</p>
              {listing.groups.map((group) => (
                <section key={group.group ?? ""} className="comment-group" aria-label={group.group ?? c.overall}>
                  <h3>
                    {group.group ?? c.overall} <small>{c.count(group.answers.length)}</small>
                  </h3>
                  <ul className="comment-list">
                    {group.answers.map((text, index) => (
                      <li key={index}>{text}</li>
                    ))}
                  </ul>
                </section>
              ))}
            </>
          )}
        </>
      )}
    </>
  );
}
