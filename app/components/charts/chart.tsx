import "~/i18n/area/results.client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/use-t";
import type { drawChart } from "./chart.client";

/** One row of numbers, one value per category; null where there is none. */
export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  /** In a line chart, the target of the series before it: drawn dotted in its colour, without markers. */
  target?: boolean;
}

/**
 * What to draw, in terms of the data rather than of chart.js, so that only chart.client.tsx
 * depends on chart.js and the data table is derived from exactly the numbers drawn.
 */
export type ChartSpec = {
  categories: readonly string[];
  categoryTitle: string;
} & (
  | {
      /** Vertical bars, with point markers (e.g. baseline and target) over each bar. */
      kind: "barsWithMarks";
      bars: ChartSeries;
      marks: readonly ChartSeries[];
      valueAxis: { title: string; min: number; max: number };
    }
  | {
      /** Lines with markers, one per series (e.g. one per fiscal year), across the categories. */
      kind: "lines";
      series: readonly ChartSeries[];
      valueAxis: { title: string; min: number; max: number };
    }
  | {
      /** Horizontal bars of percentages stacked to 100, one segment per series. */
      kind: "stackedShares";
      segments: readonly ChartSeries[];
      valueAxis: { title: string };
    }
);

export interface ChartProps {
  title: string;
  /** What the chart shows, read out in place of the picture. */
  summary: string;
  spec: ChartSpec;
  formatValue: (value: number) => string;
  /** The drawing area's height in pixels; the placeholder takes the same, so nothing jumps. */
  height: number;
}

function seriesOf(spec: ChartSpec): readonly ChartSeries[] {
  if (spec.kind === "barsWithMarks") return [spec.bars, ...spec.marks];
  return spec.kind === "lines" ? spec.series : spec.segments;
}

type DrawChart = typeof drawChart;

/**
 * chart.js, from its own chunk: only the browsers of pages that draw a chart fetch it, once React
 * runs there (null on the server and during hydration, so the first render matches the HTML).
 */
function useChartDrawer(): DrawChart | null {
  const [draw, setDraw] = useState<DrawChart | null>(null);
  useEffect(() => {
    let wanted = true;
    import("./chart.client").then(
      (module) => {
        if (wanted) setDraw(() => module.drawChart);
      },
      // A chunk that fails to arrive leaves the placeholder and the full table in place.
      () => {},
    );
    return () => {
      wanted = false;
    };
  }, []);
  return draw;
}

interface ChartCanvasProps {
  draw: DrawChart;
  spec: ChartSpec;
  summary: string;
  formatValue: (value: number) => string;
  onDrawn: () => void;
}

/** Draws one chart into a canvas and removes it again when the component goes. */
function ChartCanvas({ draw, spec, summary, formatValue, onDrawn }: ChartCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvasRef.current) return;
    const destroy = draw(canvasRef.current, spec, formatValue);
    onDrawn();
    return destroy;
  }, [draw, spec, formatValue, onDrawn]);
  return <canvas ref={canvasRef} role="img" aria-label={summary} />;
}

/**
 * A chart drawn in the browser, always with a table of the same numbers: the table is what
 * people without JavaScript see, and stays for screen readers (visually hidden) once the chart
 * has been drawn.
 */
export function Chart({ title, summary, spec, formatValue, height }: ChartProps) {
  const t = useT();
  const draw = useChartDrawer();
  const [drawn, setDrawn] = useState(false);
  const handleDrawn = useCallback(() => setDrawn(true), []);
  const placeholder = (
    <div className="chart-placeholder">
      <p>{t.results.charts.fallback}</p>
    </div>
  );
  const series = seriesOf(spec);

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <div className="chart-frame" style={{ height }}>
        {draw ? <ChartCanvas draw={draw} spec={spec} summary={summary} formatValue={formatValue} onDrawn={handleDrawn} /> : placeholder}
      </div>
      <div className={drawn ? "visually-hidden" : "table-scroll"}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{spec.categoryTitle}</th>
              {series.map((s) => (
                <th key={s.label} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.categories.map((category, index) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((s) => {
                  const value = s.values[index] ?? null;
                  return (
                    <td key={s.label} className="num">
                      {value === null ? "—" : formatValue(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
