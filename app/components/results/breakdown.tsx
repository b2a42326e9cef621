import "~/i18n/area/results.client";
import { Form } from "@remix-run/react";
import type { ReportGroup, ReportQuestion } from "~/domain/survey/kpi-report";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";
import { useLocale, useT } from "~/i18n/use-t";
import { formatCount, formatScore } from "./figures";

type ShownGroup = Extract<ReportGroup, { suppressed: false }>;

function BreakdownTable({ dimension, groups }: { dimension: BreakdownDimension; groups: readonly ReportGroup[] }) {
  const t = useT();
  const locale = useLocale();
  const b = t.results.breakdown;
  const shown = groups.filter((group): group is ShownGroup => !group.suppressed);
  const hidden = groups.filter((group) => group.suppressed);
  // Every group lists the survey's rating questions in the same order.
  const rows: readonly ReportQuestion[] = shown[0]?.questions ?? [];

  return (
    <>
      {shown.length === 0 ? (
        <p>{b.nothingToShow}</p>
      ) : (
        <div className="table-scroll">
          <table className="breakdown-table">
            <caption>{b.caption(b.dimensions[dimension])}</caption>
            <thead>
              <tr>
                <th scope="col">{t.results.table.question}</th>
                {shown.map((group) => (
                  <th key={group.group} scope="col" className="num">
                    {group.group}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t.results.table.respondents}</th>
                {shown.map((group) => (
                  <td key={group.group} className="num">
                    {formatCount(group.respondents, locale)}
                  </td>
                ))}
              </tr>
              {rows.map((question, index) => (
                <tr key={question.code}>
                  <th scope="row">
                    {question.code} <small>{locale === "ja" ? question.indicator_ja : question.indicator_en}</small>
                  </th>
                  {shown.map((group) => (
                    <td key={group.group} className="num">
                      {formatScore(group.questions[index]?.mean ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.some((group) => group.questions.some((q) => q.withheld)) ? <p className="field-hint">{b.cellWithheld}</p> : null}
      {hidden.length > 0 ? (
        <ul className="suppressed-groups">
          {hidden.map((group) => (
            <li key={group.group}>{b.suppressedGroup(group.group)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * Results by one respondent attribute. The choice is a plain GET form, so it works without
 * JavaScript; groups too small to show arrive from the server as names only.
 */
export function Breakdown({
  breakdown,
  minGroupSize,
}: {
  breakdown: { dimension: BreakdownDimension; groups: readonly ReportGroup[] } | null;
  minGroupSize: number;
}) {
  const t = useT();
  const b = t.results.breakdown;
  const selected = breakdown?.dimension ?? "";
  return (
    <section aria-labelledby="breakdown-heading">
      <h2 id="breakdown-heading">{b.heading}</h2>
      <Form method="get" className="toolbar" preventScrollReset>
        <div className="field">
          <label htmlFor="breakdown-by">{b.dimension}</label>
          <select id="breakdown-by" name="by" defaultValue={selected} key={selected}>
            <option value="">{b.none}</option>
            {BREAKDOWN_DIMENSIONS.map((dimension) => (
              <option key={dimension} value={dimension}>
                {b.dimensions[dimension]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {b.show}
        </button>
      </Form>
      <p className="field-hint">{b.suppressionRule(minGroupSize)}</p>
      {breakdown ? <BreakdownTable dimension={breakdown.dimension} groups={breakdown.groups} /> : null}
    </section>
  );
}
