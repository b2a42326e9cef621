/**
 * The printed report's summary, from the KPI figures: how many KPIs met their target, which fell
 * furthest short and which moved most since the baseline. Differences in thousandths.
 */
import { toThousandths } from "./kpi";

export interface SummaryKpi {
  code: string;
  mean: number | null;
  /** Null for a question that is not a KPI (it is then never measured against one). */
  target: number | null;
  achieved: boolean | null;
  changeFromBaseline: number | null;
}

export interface ReportSummary {
  measured: number;
  met: number;
  /** Missed KPIs, furthest below target first (at most 3). */
  furthestBelow: { code: string; gap: number }[];
  /** KPIs that rose most since the baseline (at most 3, only rises). */
  mostImproved: { code: string; change: number }[];
}

const SHOWN = 3;

export function reportSummary(kpis: readonly SummaryKpi[]): ReportSummary {
  const measured = kpis.filter(
    (kpi): kpi is SummaryKpi & { mean: number; target: number } => kpi.mean !== null && kpi.target !== null && kpi.achieved !== null,
  );
  const furthestBelow = measured
    .filter((kpi) => kpi.achieved === false)
    .map((kpi) => ({ code: kpi.code, gap: (toThousandths(kpi.target) - toThousandths(kpi.mean)) / 1000 }))
    .sort((a, b) => b.gap - a.gap || (a.code < b.code ? -1 : 1))
    .slice(0, SHOWN);
  const mostImproved = measured
    .filter((kpi): kpi is typeof kpi & { changeFromBaseline: number } => kpi.changeFromBaseline !== null && kpi.changeFromBaseline > 0)
    .map((kpi) => ({ code: kpi.code, change: kpi.changeFromBaseline }))
    .sort((a, b) => b.change - a.change || (a.code < b.code ? -1 : 1))
    .slice(0, SHOWN);
  return { measured: measured.length, met: measured.filter((kpi) => kpi.achieved).length, furthestBelow, mostImproved };
}
