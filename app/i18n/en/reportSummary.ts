import type { Dictionary } from "../dictionary";

export const reportSummary = {
  furthestBelow: (items: string) => `Furthest below target: ${items}.`,
  mostImproved: (items: string) => `Rose most since the baseline: ${items}.`,
  gap: (code: string, gap: string) => `${code} (${gap} short)`,
  change: (code: string, change: string) => `${code} (${change})`,
  finalOutcome: (status: string) => `Final outcome, rolled up: ${status}.`,
  publishedHeading: "Summary published to staff",
  heatmapHeading: "Heatmap by unit",
} satisfies Dictionary["reportSummary"];
