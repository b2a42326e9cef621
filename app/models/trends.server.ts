import type { Survey } from "#db/schema";
import { fiscalYearLabel } from "~/domain/dates";
import type { ExportCell } from "~/domain/export/formula-safety";
import type { Dictionary, Locale } from "~/i18n/dictionary";
import type { Db } from "~/utils/db.server";
import { describeRatingQuestions, getSurveyResults } from "./results.server";

/** One fiscal year of a linked series of surveys. */
export interface TrendYear {
  code: string;
  fiscalYear: number;
  respondents: number;
  /** False when the disclosure gate gives no figures for that year (open, or under its minimum). */
  figuresShown: boolean;
}

export interface TrendCell {
  fiscalYear: number;
  mean: number | null;
  n: number;
  /** Change from the previous year of the series (thousandths-exact, 3 decimals); null if either is missing. */
  change: number | null;
}

export interface TrendRow {
  code: string;
  text_ja: string;
  text_en: string;
  indicator_ja: string | null;
  indicator_en: string | null;
  isKpi: boolean;
  baseline: { value: number; fiscalYear: number } | null;
  target: number | null;
  /** One cell per year of the series, in the order of `years`. */
  cells: TrendCell[];
}

export interface SurveyTrend {
  survey: Pick<Survey, "code" | "title_ja" | "title_en" | "fiscal_year" | "min_group_size">;
  years: TrendYear[];
  rows: TrendRow[];
}

/** Surveys linked through previous_survey_id: back to the first, then forward to the latest. */
async function surveySeries(db: Db, start: Survey): Promise<Survey[]> {
  const series: Survey[] = [start];
  const seen = new Set([start.id]);
  let current = start;
  while (current.previous_survey_id !== null) {
    const previous = await db.selectFrom("surveys").selectAll().where("id", "=", current.previous_survey_id).executeTakeFirst();
    if (!previous || seen.has(previous.id)) break;
    series.unshift(previous);
    seen.add(previous.id);
    current = previous;
  }
  current = start;
  for (;;) {
    const next = await db
      .selectFrom("surveys")
      .selectAll()
      .where("previous_survey_id", "=", current.id)
      .orderBy("fiscal_year")
      .orderBy("id")
      .executeTakeFirst();
    if (!next || seen.has(next.id)) break;
    series.push(next);
    seen.add(next.id);
    current = next;
  }
  return series.sort((a, b) => a.fiscal_year - b.fiscal_year || a.id - b.id);
}

/** Differences of 3-decimal means, done in thousandths so 2.637 − 2.577 is exactly 0.060. */
function change(mean: number | null, previous: number | null): number | null {
  if (mean === null || previous === null) return null;
  return (Math.round(mean * 1000) - Math.round(previous * 1000)) / 1000;
}

/**
 * The multi-year trend of a survey's rating questions across its linked series (one survey per
 * fiscal year), through the disclosure gate: a year whose survey is open or under its minimum
 * contributes no figures, nor does a question with too few respondents of its own. Rows follow the questions of the survey asked for;
 * questions of other years that it no longer asks are appended after them.
 */
export async function surveyTrend(db: Db, code: string): Promise<SurveyTrend | null> {
  const start = await db.selectFrom("surveys").selectAll().where("code", "=", code).executeTakeFirst();
  if (!start) return null;
  const series = await surveySeries(db, start);
  const results = await Promise.all(series.map((survey) => getSurveyResults(db, survey.code)));

  const years: TrendYear[] = [];
  const means = new Map<string, Map<number, { mean: number | null; n: number }>>();
  const rowsByCode = new Map<string, Omit<TrendRow, "cells">>();
  const order: string[] = [];
  const startIndex = series.indexOf(start);
  // The survey asked for first, so its statements and KPI targets are the ones shown.
  const visit = [startIndex, ...series.map((_, index) => index).filter((index) => index !== startIndex)];
  for (const index of visit) {
    const result = results[index];
    if (!result) continue;
    for (const q of result.figures?.questions ?? describeRatingQuestions(result.definition)) {
      if (rowsByCode.has(q.code)) continue;
      rowsByCode.set(q.code, {
        code: q.code,
        text_ja: q.text_ja,
        text_en: q.text_en,
        indicator_ja: q.indicator_ja,
        indicator_en: q.indicator_en,
        isKpi: q.isKpi,
        baseline: q.baseline,
        target: q.isKpi ? q.target : null,
      });
      order.push(q.code);
    }
  }
  series.forEach((survey, index) => {
    const result = results[index];
    const respondents = result?.respondents ?? 0;
    const figures = result?.figures ?? null;
    years.push({ code: survey.code, fiscalYear: survey.fiscal_year, respondents, figuresShown: figures !== null });
    if (!figures) return;
    for (const q of figures.questions) {
      if (q.withheld) continue;
      const byYear = means.get(q.code) ?? new Map<number, { mean: number | null; n: number }>();
      byYear.set(index, { mean: q.mean, n: q.n });
      means.set(q.code, byYear);
    }
  });

  const rows = order.map((questionCode): TrendRow => {
    const byYear = means.get(questionCode);
    let previous: number | null = null;
    const cells = years.map((year, index): TrendCell => {
      const value = byYear?.get(index) ?? { mean: null, n: 0 };
      const cell = { fiscalYear: year.fiscalYear, mean: value.mean, n: value.n, change: index === 0 ? null : change(value.mean, previous) };
      previous = value.mean;
      return cell;
    });
    return { ...rowsByCode.get(questionCode)!, cells };
  });

  const { code: surveyCode, title_ja, title_en, fiscal_year, min_group_size } = start;
  return { survey: { code: surveyCode, title_ja, title_en, fiscal_year, min_group_size }, years, rows };
}

const fixed3 = (value: number | null): ExportCell => (value === null ? null : { value, decimals: 3 });

/** The trend table as export cells: one row per question, a mean and a change column per year. */
export function trendExportTable(trend: SurveyTrend, t: Dictionary, locale: Locale): ExportCell[][] {
  const r = t.reports.trend;
  const yearLabel = (fiscalYear: number) => fiscalYearLabel(fiscalYear, locale);
  const header: ExportCell[] = [
    r.question,
    t.results.table.indicator,
    ...trend.years.flatMap((year, index) => [r.mean(yearLabel(year.fiscalYear)), ...(index === 0 ? [] : [r.change(yearLabel(year.fiscalYear))])]),
    r.baseline,
    r.target,
  ];
  const rows = trend.rows.map((row): ExportCell[] => [
    row.code,
    (locale === "ja" ? row.indicator_ja : row.indicator_en) ?? (locale === "ja" ? row.text_ja : row.text_en),
    ...row.cells.flatMap((cell, index) => [fixed3(cell.mean), ...(index === 0 ? [] : [fixed3(cell.change)])]),
    fixed3(row.baseline?.value ?? null),
    fixed3(row.target),
  ]);
  return [header, ...rows];
}
