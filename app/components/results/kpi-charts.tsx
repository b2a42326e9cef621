import "~/i18n/area/results.client";
import { useMemo } from "react";
import { Chart, type ChartSpec } from "~/components/charts/chart";
import type { ReportQuestion } from "~/domain/survey/kpi-report";
import { useT } from "~/i18n/use-t";
import { formatPercent, formatScore, shareInThousandths } from "./figures";

/** Answer values from the most positive to the most negative, the order the city reads them in. */
const SCALE_VALUES = [4, 3, 2, 1] as const;
const MEAN_CHART_HEIGHT = 360;
const ROW_HEIGHT = 30;
const AXES_AND_LEGEND_HEIGHT = 110;

/** The KPI figures drawn: means against baseline and target, and how the answers spread (questions with figures only). */
export function KpiCharts({ questions: all }: { questions: readonly ReportQuestion[] }) {
  const t = useT();
  const questions = useMemo(() => all.filter((q) => !q.withheld), [all]);
  const categories = useMemo(() => questions.map((q) => q.code), [questions]);

  const meanSpec = useMemo<ChartSpec>(
    () => ({
      kind: "barsWithMarks",
      categories,
      categoryTitle: t.results.table.question,
      bars: { label: t.results.table.mean, values: questions.map((q) => q.mean) },
      marks: [
        { label: t.results.table.baseline, values: questions.map((q) => q.baseline?.value ?? null) },
        { label: t.results.table.target, values: questions.map((q) => q.target) },
      ],
      valueAxis: { title: t.results.charts.meanAxis, min: 1, max: 4 },
    }),
    [questions, categories, t],
  );

  const distributionSpec = useMemo<ChartSpec>(
    () => ({
      kind: "stackedShares",
      categories,
      categoryTitle: t.results.table.question,
      segments: SCALE_VALUES.map((value) => ({
        label: t.results.charts.answerValue(value),
        values: questions.map((q) => {
          const thousandths = shareInThousandths(q.distribution[value], q.n);
          return thousandths === null ? null : thousandths / 10;
        }),
      })),
      valueAxis: { title: t.results.charts.shareAxis },
    }),
    [questions, categories, t],
  );

  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t.results.charts.heading}</h2>
      <Chart
        title={t.results.charts.meanTitle}
        summary={t.results.charts.meanSummary(questions.length)}
        spec={meanSpec}
        formatValue={formatScore}
        height={MEAN_CHART_HEIGHT}
      />
      <Chart
        title={t.results.charts.distributionTitle}
        summary={t.results.charts.distributionSummary(questions.length)}
        spec={distributionSpec}
        formatValue={formatPercent}
        height={questions.length * ROW_HEIGHT + AXES_AND_LEGEND_HEIGHT}
      />
      <p className="field-hint">{t.results.charts.scaleNote}</p>
    </section>
  );
}
