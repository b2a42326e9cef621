import "~/i18n/area/crosstab.client";
import "~/i18n/area/results.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatCount, formatShare } from "~/components/results/figures";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";
import { useLocale, useT } from "~/i18n/use-t";
import { crosstabFor, isCrosstabQuestion } from "~/models/crosstab.server";
import { loadSurveyDefinition } from "~/models/surveys.server";
import { parseCrosstabQuery } from "~/schemas/crosstab.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.crosstab.title);

const DEFAULT_DIMENSION: BreakdownDimension = "age_band";

/**
 * One choice question of a survey: counts and shares per option, and a cross-tab by one
 * respondent attribute. A plain GET form chooses both, so the page works without JavaScript;
 * groups too small to show arrive as names only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const db = getDb();
  const definition = await loadSurveyDefinition(db, params.code ?? "");
  if (!definition) throw json({ reason: "not_found" }, { status: 404 });
  const { code, title_ja, title_en, min_group_size } = definition.survey;
  const questions = definition.sections
    .flatMap((s) => s.questions)
    .filter(isCrosstabQuestion)
    .map((q) => ({ code: q.code, type: q.type, text_ja: q.text_ja, text_en: q.text_en, maxChoices: q.maxChoices }));

  const query = parseCrosstabQuery(new URL(request.url));
  const requested = query.ok ? query : { question: null, by: null };
  const questionCode = requested.question ?? questions[0]?.code ?? null;
  const by = requested.by ?? DEFAULT_DIMENSION;
  const outcome = questionCode === null ? null : await crosstabFor(db, code, questionCode, by);
  const invalidQuery = !query.ok || (outcome !== null && !outcome.ok);
  const shown = outcome?.ok ? outcome : null;

  return json({
    survey: { code, title_ja, title_en, min_group_size },
    questions,
    invalidQuery,
    selected: { question: shown?.question.code ?? questionCode, by },
    question: shown ? questions.find((q) => q.code === shown.question.code) ?? null : null,
    withheld: shown?.withheld ?? null,
    crosstab: shown?.crosstab ?? null,
  });
}

export default function CrosstabPage() {
  const t = useT();
  const locale = useLocale();
  const c = t.crosstab;
  const { survey, questions, invalidQuery, selected, question, withheld, crosstab } = useLoaderData<typeof loader>();
  const dimensionName = t.results.breakdown.dimensions[selected.by];
  const multiple = question?.type === "multiple_choice";
  const label = (row: { label_ja: string; label_en: string }) => (locale === "ja" ? row.label_ja : row.label_en);
  const exportQuery = question ? `?${new URLSearchParams({ question: question.code, by: selected.by })}` : "";
  const exportBase = `/results/${encodeURIComponent(survey.code)}/crosstab`;

  return (
    <>
      <p>
        <Link to={`/results/${encodeURIComponent(survey.code)}`}>{c.backToResults}</Link>
      </p>
      <h1>
        {c.title}: {locale === "ja" ? survey.title_ja : survey.title_en}
      </h1>
      <p>{c.intro}</p>
      {invalidQuery ? (
        <p className="warning" role="status">
          {c.invalidQuery}
        </p>
      ) : null}
      {questions.length === 0 ? (
        <p>{c.noChoiceQuestions}</p>
      ) : (
        <section aria-labelledby="crosstab-form-heading">
          <h2 id="crosstab-form-heading">{c.formHeading}</h2>
          <Form method="get" className="toolbar">
            <div className="field">
              <label htmlFor="crosstab-question">{c.question}</label>
              <select id="crosstab-question" name="question" defaultValue={selected.question ?? ""} key={selected.question ?? ""}>
                {questions.map((q) => (
                  <option key={q.code} value={q.code}>
                    {q.code}: {locale === "ja" ? q.text_ja : q.text_en}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="crosstab-by">{c.by}</label>
              <select id="crosstab-by" name="by" defaultValue={selected.by} key={selected.by}>
                {BREAKDOWN_DIMENSIONS.map((dimension) => (
                  <option key={dimension} value={dimension}>
                    {t.results.breakdown.dimensions[dimension]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button-secondary">
              {c.show}
            </button>
          </Form>
          <p className="field-hint">{t.results.breakdown.suppressionRule(survey.min_group_size)}</p>
        </section>
      )}
      {withheld ? <p className="warning">{t.results.withheld[withheld](survey.min_group_size)}</p> : null}
      {question && crosstab ? (
        <>
          <section aria-labelledby="crosstab-overall-heading">
            <h2 id="crosstab-overall-heading">{c.overallHeading}</h2>
            <p>{locale === "ja" ? question.text_ja : question.text_en}</p>
            {multiple ? <p className="field-hint">{c.multipleNote(question.maxChoices)}</p> : null}
            <div className="table-scroll">
              <table>
                <caption>{c.overallCaption(question.code)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.option}</th>
                    <th scope="col" className="num">
                      {c.count}
                    </th>
                    <th scope="col" className="num">
                      {c.shareOfRespondents}
                    </th>
                    {multiple ? (
                      <th scope="col" className="num">
                        {c.shareOfPicks}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {crosstab.rows.map((row) => (
                    <tr key={row.value}>
                      <th scope="row">{label(row)}</th>
                      <td className="num">{formatCount(row.total, locale)}</td>
                      <td className="num">{formatShare(row.shareOfRespondents)}</td>
                      {multiple ? <td className="num">{formatShare(row.shareOfPicks)}</td> : null}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{c.respondents}</th>
                    <td className="num">{formatCount(crosstab.respondents.total, locale)}</td>
                    <td />
                    {multiple ? <td /> : null}
                  </tr>
                  {multiple ? (
                    <tr>
                      <th scope="row">{c.picks}</th>
                      <td className="num">{formatCount(crosstab.picks.total, locale)}</td>
                      <td />
                      <td />
                    </tr>
                  ) : null}
                </tfoot>
              </table>
            </div>
          </section>
          <section aria-labelledby="crosstab-table-heading">
            <h2 id="crosstab-table-heading">{c.crosstabHeading(dimensionName)}</h2>
            {crosstab.groups.length === 0 ? (
              <p>{c.nothingToShow}</p>
            ) : (
              <div className="table-scroll">
                <table className="breakdown-table">
                  <caption>{c.crosstabCaption(question.code, dimensionName)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{c.option}</th>
                      {crosstab.groups.map((group) => (
                        <th key={group} scope="col" className="num">
                          {group}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        {c.total}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {crosstab.rows.map((row) => (
                      <tr key={row.value}>
                        <th scope="row">{label(row)}</th>
                        {crosstab.groups.map((group) => (
                          <td key={group} className="num">
                            {formatCount(row.counts[group] ?? 0, locale)} <small>({formatShare(row.groupShares[group] ?? null)})</small>
                          </td>
                        ))}
                        <td className="num">{formatCount(row.total, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{c.respondents}</th>
                      {crosstab.groups.map((group) => (
                        <td key={group} className="num">
                          {formatCount(crosstab.respondents.byGroup[group] ?? 0, locale)}
                        </td>
                      ))}
                      <td className="num">{formatCount(crosstab.respondents.total, locale)}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
            {crosstab.suppressed.length > 0 ? (
              <ul className="suppressed-groups">
                {crosstab.suppressed.map((name) => (
                  <li key={name}>{c.suppressedGroup(name)}</li>
                ))}
              </ul>
            ) : null}
          </section>
          <section aria-labelledby="crosstab-exports-heading">
            <h2 id="crosstab-exports-heading">{c.exportsHeading}</h2>
            <ul className="link-list">
              <li>
                <a href={`${exportBase}.csv${exportQuery}`} download>
                  {c.csv}
                </a>
              </li>
              <li>
                <a href={`${exportBase}.xlsx${exportQuery}`} download>
                  {c.xlsx}
                </a>
              </li>
            </ul>
            <p className="field-hint">{c.exportNote}</p>
          </section>
        </>
      ) : null}
    </>
  );
}
