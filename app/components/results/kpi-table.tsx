import "~/i18n/area/results.client";
import { fiscalYearLabel } from "~/domain/dates";
import { TableScroll } from "~/components/table-scroll";
import type { ReportQuestion } from "~/domain/survey/kpi-report";
import { useLocale, useT } from "~/i18n/use-t";
import { AchievedBadge, formatChange, formatCount, formatScore, formatShare } from "./figures";

/**
 * One row per question: the KPI figures as the city reports them. A question with too few
 * respondents of its own arrives without figures and says so; a rating question that is not a KPI
 * has no target and no achievement badge.
 */
export function KpiTable({ questions, minGroupSize }: { questions: readonly (ReportQuestion & { isKpi: boolean })[]; minGroupSize: number }) {
  const t = useT();
  const locale = useLocale();
  const h = t.results.table;
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading">{t.results.kpi.heading}</h2>
      <TableScroll label={t.results.kpi.caption}>
        <table className="kpi-table">
          <caption>{t.results.kpi.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{h.question}</th>
              <th scope="col">
                {h.indicator} / {h.statement}
              </th>
              <th scope="col" className="num">
                {h.n}
              </th>
              <th scope="col" className="num">
                {h.mean}
              </th>
              <th scope="col" className="num">
                {h.baseline}
              </th>
              <th scope="col" className="num">
                {h.target}
              </th>
              <th scope="col" className="num">
                {h.change}
              </th>
              <th scope="col">{h.achieved}</th>
              <th scope="col" className="num">
                {h.favourable}
              </th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => {
              const indicator = locale === "ja" ? q.indicator_ja : q.indicator_en;
              const statement = locale === "ja" ? q.text_ja : q.text_en;
              return (
                <tr key={q.code}>
                  <th scope="row">{q.code}</th>
                  <td>
                    {indicator ? (
                      <>
                        {indicator}
                        <br />
                        <small>{statement}</small>
                      </>
                    ) : (
                      statement
                    )}
                  </td>
                  {q.withheld ? (
                    <td className="num" colSpan={2}>
                      {t.results.table.suppressed}
                    </td>
                  ) : (
                    <>
                      <td className="num">{formatCount(q.n, locale)}</td>
                      <td className="num">{formatScore(q.mean)}</td>
                    </>
                  )}
                  <td className="num">
                    {formatScore(q.baseline?.value ?? null)}
                    {q.baseline ? (
                      <>
                        <br />
                        <small>{fiscalYearLabel(q.baseline.fiscalYear, locale)}</small>
                      </>
                    ) : null}
                  </td>
                  <td className="num">
                    {formatScore(q.target)}
                    {q.targetIsOverride ? (
                      <>
                        <br />
                        <small>{t.results.kpi.targetOverridden}</small>
                      </>
                    ) : null}
                  </td>
                  <td className="num">{formatChange(q.changeFromBaseline)}</td>
                  <td>{q.isKpi && !q.withheld ? <AchievedBadge achieved={q.achieved} /> : null}</td>
                  <td className="num">{formatShare(q.favourableShare)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {questions.some((q) => q.withheld) ? <p className="field-hint">{t.results.questionWithheldNote(minGroupSize)}</p> : null}
    </section>
  );
}
