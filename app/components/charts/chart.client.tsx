import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  type ChartConfiguration,
  type ChartDataset,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type TooltipItem,
} from "chart.js";
import type { ChartSpec } from "./chart";

// Only what the chart kinds use, so the chunk stays small.
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
ChartJS.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
ChartJS.defaults.color = "#1d2433";

const BAR_COLOUR = "#0b5fad";
/** Markers differ in shape as well as colour, so they can be told apart without colour. */
const MARK_STYLES: readonly { pointStyle: "line" | "rectRot"; radius: number; fill: string; line: string }[] = [
  { pointStyle: "line", radius: 14, fill: "#1d2433", line: "#1d2433" },
  { pointStyle: "rectRot", radius: 8, fill: "#ffbf47", line: "#1d2433" },
];
/** Most positive (4) to most negative (1): blues to reds, light enough in the middle to read as a scale. */
const SEGMENT_COLOURS = ["#0b5fad", "#8bb8e8", "#f2b58a", "#b3261e"];
/** Lines differ in marker shape and dash as well as colour. */
const LINE_STYLES: readonly { colour: string; pointStyle: "circle" | "rectRot" | "triangle" | "rect"; dash: number[] }[] = [
  { colour: "#6b7280", pointStyle: "circle", dash: [6, 4] },
  { colour: "#0b5fad", pointStyle: "rectRot", dash: [] },
  { colour: "#b3261e", pointStyle: "triangle", dash: [2, 3] },
  { colour: "#1d2433", pointStyle: "rect", dash: [10, 3, 2, 3] },
];

type Values = (number | null)[];

function configFor(spec: ChartSpec, formatValue: (value: number) => string): ChartConfiguration<"bar" | "line", Values, string> {
  const tooltipLabel = (item: TooltipItem<"bar" | "line">) =>
    `${item.dataset.label ?? ""}: ${typeof item.raw === "number" ? formatValue(item.raw) : "—"}`;
  const common = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { labels: { usePointStyle: true } }, tooltip: { callbacks: { label: tooltipLabel } } },
  } as const;

  if (spec.kind === "barsWithMarks") {
    const marks = spec.marks.map((mark, index): ChartDataset<"bar" | "line", Values> => {
      const style = MARK_STYLES[index % MARK_STYLES.length]!;
      return {
        type: "line",
        label: mark.label,
        data: [...mark.values],
        showLine: false,
        pointStyle: style.pointStyle,
        pointRadius: style.radius,
        pointHoverRadius: style.radius,
        pointBorderWidth: 3,
        pointBackgroundColor: style.fill,
        pointBorderColor: style.line,
        backgroundColor: style.fill,
        borderColor: style.line,
        order: 0,
      };
    });
    const bars: ChartDataset<"bar" | "line", Values> = {
      type: "bar",
      label: spec.bars.label,
      data: [...spec.bars.values],
      backgroundColor: BAR_COLOUR,
      order: 1,
    };
    return {
      type: "bar",
      data: { labels: [...spec.categories], datasets: [bars, ...marks] },
      options: {
        ...common,
        scales: {
          x: { title: { display: true, text: spec.categoryTitle } },
          y: { min: spec.valueAxis.min, max: spec.valueAxis.max, title: { display: true, text: spec.valueAxis.title } },
        },
      },
    };
  }

  if (spec.kind === "lines") {
    // The latest series is drawn last and in the strongest style; a target line takes the colour of its line.
    const offset = Math.max(0, LINE_STYLES.length - spec.series.filter((series) => !series.target).length);
    let line = -1;
    return {
      type: "line",
      data: {
        labels: [...spec.categories],
        datasets: spec.series.map((series): ChartDataset<"bar" | "line", Values> => {
          if (!series.target) line += 1;
          const style = LINE_STYLES[(Math.max(0, line) + offset) % LINE_STYLES.length]!;
          return {
            type: "line",
            label: series.label,
            data: [...series.values],
            borderColor: style.colour,
            backgroundColor: style.colour,
            pointBackgroundColor: style.colour,
            pointStyle: style.pointStyle,
            pointRadius: series.target ? 0 : 5,
            borderWidth: series.target ? 1 : 2,
            borderDash: series.target ? [2, 4] : style.dash,
            spanGaps: false,
          };
        }),
      },
      options: {
        ...common,
        scales: {
          x: { title: { display: true, text: spec.categoryTitle } },
          y: { min: spec.valueAxis.min, max: spec.valueAxis.max, title: { display: true, text: spec.valueAxis.title } },
        },
      },
    };
  }

  return {
    type: "bar",
    data: {
      labels: [...spec.categories],
      datasets: spec.segments.map(
        (segment, index): ChartDataset<"bar" | "line", Values> => ({
          type: "bar",
          label: segment.label,
          data: [...segment.values],
          backgroundColor: SEGMENT_COLOURS[index % SEGMENT_COLOURS.length],
        }),
      ),
    },
    options: {
      ...common,
      indexAxis: "y",
      scales: {
        x: { stacked: true, min: 0, max: 100, title: { display: true, text: spec.valueAxis.title } },
        y: { stacked: true, title: { display: true, text: spec.categoryTitle } },
      },
    },
  };
}

/**
 * Draws one chart into a canvas; returns what removes it again. No React here: this chunk is
 * fetched lazily, and a lazy chunk that imported React would split React out of the framework
 * chunk that every page loads.
 */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, formatValue: (value: number) => string): () => void {
  const chart = new ChartJS(canvas, configFor(spec, formatValue));
  return () => chart.destroy();
}
