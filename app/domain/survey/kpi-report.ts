import type { Dictionary } from "~/i18n/dictionary";
import type { Locale } from "~/i18n/dictionary";
import type { ExportCell } from "../export/formula-safety";
import type { KpiResult } from "./kpi";

/** What a KPI report needs of a question's results. */
export interface ReportQuestion extends KpiResult {
  code: string;
  text_ja: string;
  text_en: string;
  indicator_ja: string | null;
  indicator_en: string | null;
  /** Too few respondents to the question: the counts are empty and must not be shown as figures. */
  withheld: boolean;
}

export type ReportGroup =
  | { group: string; suppressed: false; respondents: number; questions: readonly ReportQuestion[] }
  | { group: string; suppressed: true };

export interface KpiReportInput {
  surveyCode: string;
  fiscalYear: number;
  respondents: number;
  questions: readonly ReportQuestion[];
  groups: readonly ReportGroup[] | null;
}

const SCALE_VALUES = ["1", "2", "3", "4"] as const;

function questionJson(q: ReportQuestion) {
  if (q.withheld) return { code: q.code, withheld: true, baseline: q.baseline?.value ?? null, target: q.target };
  return {
    code: q.code,
    n: q.n,
    mean: q.mean,
    baseline: q.baseline?.value ?? null,
    target: q.target,
    achieved: q.achieved,
    distribution: Object.fromEntries(SCALE_VALUES.map((v) => [v, q.distribution[Number(v) as 1 | 2 | 3 | 4]])),
  };
}

/** The KPI results as the CLI prints them for scripts (stable keys, numbers as numbers). */
export function kpiReportJson(report: KpiReportInput) {
  return {
    survey: report.surveyCode,
    fiscalYear: report.fiscalYear,
    respondents: report.respondents,
    questions: report.questions.map(questionJson),
    ...(report.groups === null
      ? {}
      : {
          groups: report.groups.map((g) =>
            g.suppressed
              ? { group: g.group, suppressed: true }
              : { group: g.group, respondents: g.respondents, questions: g.questions.map(questionJson) },
          ),
        }),
  };
}

const fixed3 = (value: number | null): ExportCell => (value === null ? null : { value, decimals: 3 });

/**
 * The KPI table as rows of cells for CSV and XLSX: headers in the reader's language, means to
 * three decimals, numbers as numbers. A breakdown adds a group column; a suppressed group is one
 * row that says so and carries no figure, and so is a question withheld for too few respondents
 * (only its baseline and target, which are not answers, remain).
 */
export function kpiReportTable(report: KpiReportInput, t: Dictionary, locale: Locale): ExportCell[][] {
  const h = t.results.table;
  const header: ExportCell[] = [
    h.question,
    h.indicator,
    h.statement,
    h.n,
    h.mean,
    h.baseline,
    h.baselineYear,
    h.target,
    h.change,
    h.achieved,
    h.favourable,
    ...SCALE_VALUES.map((v) => h.countOf(Number(v))),
  ];
  const answerCells = (q: ReportQuestion): ExportCell[] => [
    q.n,
    fixed3(q.mean),
    fixed3(q.baseline?.value ?? null),
    q.baseline?.fiscalYear ?? null,
    fixed3(q.target),
    fixed3(q.changeFromBaseline),
    q.achieved === null ? "" : q.achieved ? h.yes : h.no,
    fixed3(q.favourableShare),
    ...SCALE_VALUES.map((v) => q.distribution[Number(v) as 1 | 2 | 3 | 4]),
  ];
  const questionCells = (q: ReportQuestion): ExportCell[] => {
    const description: ExportCell[] = [q.code, (locale === "ja" ? q.indicator_ja : q.indicator_en) ?? "", locale === "ja" ? q.text_ja : q.text_en];
    if (q.withheld) {
      return [...description, h.suppressed, null, fixed3(q.baseline?.value ?? null), q.baseline?.fiscalYear ?? null, fixed3(q.target)];
    }
    return [...description, ...answerCells(q)];
  };
  if (report.groups === null) return [header, ...report.questions.map(questionCells)];
  const rows: ExportCell[][] = [[h.group, h.respondents, ...header]];
  for (const group of report.groups) {
    if (group.suppressed) {
      rows.push([group.group, h.suppressed]);
      continue;
    }
    for (const q of group.questions) rows.push([group.group, group.respondents, ...questionCells(q)]);
  }
  return rows;
}
