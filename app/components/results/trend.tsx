import "~/i18n/area/reports.client";
import "~/i18n/area/results.client";
import "~/i18n/area/trendChart.client";
import { Form } from "@remix-run/react";
import { Fragment, useMemo } from "react";
import { Chart, type ChartSpec } from "~/components/charts/chart";
import { fiscalYearLabel } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { formatChange, formatCount, formatScore } from "./figures";

export interface TrendYearView {
  code: string;
  fiscalYear: number;
  respondents: number;
  figuresShown: boolean;
}

export interface TrendRowView {
  code: string;
  text_ja: string;
  text_en: string;
  indicator_ja: string | null;
  indicator_en: string | null;
  baseline: { value: number; fiscalYear: number } | null;
  target: number | null;
  cells: readonly { fiscalYear: number; mean: number | null; n: number; change: number | null }[];
}

const CHART_HEIGHT = 380;

/** The years in the series, with their surveys and respondents. */
export function TrendYears({ years }: { years: readonly TrendYearView[] }) {
  const t = useT();
  const locale = useLocale();
  const r = t.reports.trend;
  return (
    <div className="table-scroll">
      <table>
        <caption>{r.yearsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{r.fiscalYear}</th>
            <th scope="col">{r.survey}</th>
            <th scope="col" className="num">
              {r.respondents}
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year.code}>
              <th scope="row">{fiscalYearLabel(year.fiscalYear, locale)}</th>
              <td>{year.code}</td>
              <td className="num">
                {formatCount(year.respondents, locale)}
                {year.figuresShown ? null : (
                  <>
                    <br />
                    <small>{r.noFigures}</small>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One line per selected question across the fiscal years, each with its target as a dotted line
 * of the same colour family, so a question's distance to its target reads directly.
 */
export function TrendChart({ years, rows }: { years: readonly TrendYearView[]; rows: readonly TrendRowView[] }) {
  const t = useT();
  const locale = useLocale();
  const r = t.reports.trend;
  const c = t.trendChart;
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: "lines",
      categories: years.map((year) => fiscalYearLabel(year.fiscalYear, locale)),
      categoryTitle: c.yearAxis,
      series: rows.flatMap((row) => [
        { label: row.code, values: years.map((_, index) => row.cells[index]?.mean ?? null) },
        ...(row.target === null ? [] : [{ label: c.targetOf(row.code), values: years.map(() => row.target), target: true }]),
      ]),
      valueAxis: { title: t.results.charts.meanAxis, min: 1, max: 4 },
    }),
    [years, rows, c, t, locale],
  );
  return (
    <Chart
      title={r.chartTitle}
      summary={c.chartSummary(rows.map((row) => row.code).join("、"), years.length)}
      spec={spec}
      formatValue={formatScore}
      height={CHART_HEIGHT}
    />
  );
}

/** Which questions the chart draws: a plain GET form of checkboxes, so it works without JavaScript. */
export function TrendQuestionPicker({ rows, selected }: { rows: readonly TrendRowView[]; selected: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  const c = t.trendChart;
  return (
    <Form method="get" preventScrollReset>
      <fieldset className="builder-fieldset">
        <legend>{c.chooseHeading}</legend>
        {rows.map((row) => (
          <label key={row.code} className="choice">
            <input type="checkbox" name="q" value={row.code} defaultChecked={selected.includes(row.code)} /> {row.code}{" "}
            <small>{(locale === "ja" ? row.indicator_ja : row.indicator_en) ?? (locale === "ja" ? row.text_ja : row.text_en)}</small>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button-secondary">
        {c.choose}
      </button>
    </Form>
  );
}

/** Questions × fiscal years: the mean of each year and its change from the year before. */
export function TrendTable({ years, rows }: { years: readonly TrendYearView[]; rows: readonly TrendRowView[] }) {
  const t = useT();
  const locale = useLocale();
  const r = t.reports.trend;
  const yearLabel = (fiscalYear: number) => fiscalYearLabel(fiscalYear, locale);
  return (
    // A few years make it wide enough to scroll sideways, so keyboard users need to be able to focus it.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={r.tableCaption}>
      <table className="trend-table">
        <caption>{r.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{r.question}</th>
            {years.map((year, index) => (
              <Fragment key={year.code}>
                <th scope="col" className="num">
                  {r.mean(yearLabel(year.fiscalYear))}
                </th>
                {index === 0 ? null : (
                  <th scope="col" className="num">
                    {r.change(yearLabel(year.fiscalYear))}
                  </th>
                )}
              </Fragment>
            ))}
            <th scope="col" className="num">
              {r.baseline}
            </th>
            <th scope="col" className="num">
              {r.target}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">
                {row.code} <small>{(locale === "ja" ? row.indicator_ja : row.indicator_en) ?? (locale === "ja" ? row.text_ja : row.text_en)}</small>
              </th>
              {row.cells.map((cell, index) => (
                <Fragment key={cell.fiscalYear}>
                  <td className="num">
                    {formatScore(cell.mean)}
                  </td>
                  {index === 0 ? null : (
                    <td className="num">
                      {formatChange(cell.change)}
                    </td>
                  )}
                </Fragment>
              ))}
              <td className="num">{formatScore(row.baseline?.value ?? null)}</td>
              <td className="num">{formatScore(row.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
