import "~/i18n/area/results.client";
import { languageTag, type Locale } from "~/i18n";
import { useT } from "~/i18n/use-t";

/**
 * How results are written everywhere on the results pages. Means, baselines and targets arrive
 * already rounded to 3 decimals by the KPI maths, so toFixed only pads them ("3" → "3.000") and
 * never has to round a binary float.
 */
const NO_VALUE = "—";

export function formatScore(value: number | null): string {
  return value === null ? NO_VALUE : value.toFixed(3);
}

/** +0.123 / −0.045 / ±0.000, with a true minus sign. */
export function formatChange(value: number | null): string {
  if (value === null) return NO_VALUE;
  const sign = value > 0 ? "+" : value < 0 ? "\u2212" : "±";
  return `${sign}${Math.abs(value).toFixed(3)}`;
}

/** A percentage already rounded to one decimal (54.6) as "54.6%". */
export function formatPercent(percent: number | null): string {
  return percent === null ? NO_VALUE : `${percent.toFixed(1)}%`;
}

/** A fraction already rounded to 0.001 (0.546) as "54.6%". */
export function formatShare(fraction: number | null): string {
  return fraction === null ? NO_VALUE : formatPercent(Math.round(fraction * 1000) / 10);
}

/** part / whole in thousandths, rounded half-up in integers, as the KPI maths rounds. */
export function shareInThousandths(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((2000 * part + whole) / (2 * whole));
}

const countFormats = new Map<Locale, Intl.NumberFormat>();

/** 1,736: one formatter per language, made on first use (building one per call is slow). */
export function formatCount(count: number, locale: Locale): string {
  let format = countFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(languageTag(locale));
    countFormats.set(locale, format);
  }
  return format.format(count);
}

/** Achievement as words (never colour alone): met, not met, or no data yet. */
export function AchievedBadge({ achieved }: { achieved: boolean | null }) {
  const t = useT();
  const [text, tone] =
    achieved === null ? [t.results.kpi.noData, ""] : achieved ? [t.results.table.yes, " badge-met"] : [t.results.table.no, " badge-unmet"];
  return <span className={`badge${tone}`}>{text}</span>;
}
