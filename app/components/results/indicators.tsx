import "~/i18n/area/indicators.client";
import { fiscalYearLabel } from "~/domain/dates";
import { formatIndicatorValue } from "~/domain/indicators";
import { useLocale, useT } from "~/i18n/use-t";
import { AchievedBadge } from "./figures";

export interface IndicatorRow {
  code: string;
  name_ja: string;
  name_en: string;
  unit: "percent" | "days" | "hours";
  targetMilli: number | null;
  targetFiscalYear: number | null;
  values: readonly { fiscalYear: number; valueMilli: number; source: string; achieved: boolean | null }[];
}

/**
 * HR indicators by fiscal year beside their targets: the same years as the survey's trend, or
 * (with `fiscalYear`) one year's values and whether they met the target.
 */
export function IndicatorTable({ indicators, years }: { indicators: readonly IndicatorRow[]; years: readonly number[] }) {
  const t = useT();
  const locale = useLocale();
  const i = t.indicators;
  if (indicators.length === 0) return <p>{i.none}</p>;
  const latestYear = years[years.length - 1];
  const value = (row: IndicatorRow, milli: number) => `${formatIndicatorValue(milli)}${i.units[row.unit]}`;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={i.caption}>
      <table>
        <caption>{i.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i.columns.name}</th>
            {years.map((year) => (
              <th key={year} scope="col" className="num">
                {fiscalYearLabel(year, locale)}
              </th>
            ))}
            <th scope="col" className="num">
              {i.columns.target}
            </th>
            <th scope="col">{i.columns.achieved}</th>
            <th scope="col">{i.columns.source}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((row) => {
            const latest = row.values.find((entry) => entry.fiscalYear === latestYear);
            return (
              <tr key={row.code}>
                <th scope="row">{locale === "ja" ? row.name_ja : row.name_en}</th>
                {years.map((year) => {
                  const entry = row.values.find((candidate) => candidate.fiscalYear === year);
                  return (
                    <td key={year} className="num">
                      {entry ? value(row, entry.valueMilli) : i.noValue}
                    </td>
                  );
                })}
                <td className="num">
                  {row.targetMilli === null
                    ? i.monitoringOnly
                    : i.targetWithYear(value(row, row.targetMilli), row.targetFiscalYear === null ? null : fiscalYearLabel(row.targetFiscalYear, locale))}
                </td>
                <td>{row.targetMilli === null ? i.monitoringOnly : <AchievedBadge achieved={latest?.achieved ?? null} />}</td>
                <td>{latest?.source ?? i.noValue}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The fiscal years any indicator has a value for, oldest first. */
export function indicatorYears(indicators: readonly IndicatorRow[]): number[] {
  return [...new Set(indicators.flatMap((row) => row.values.map((value) => value.fiscalYear)))].sort((a, b) => a - b);
}
