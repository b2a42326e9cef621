import type { Dictionary } from "../dictionary";

export const heatmap = {
  title: "Heatmap",
  intro:
    "Each group's mean per question, coloured by its difference from the ward overall or from the target. The difference is also given as a signed number and a symbol (▲ above, ▼ below), never by colour alone.",
  backToResults: "Back to the results",
  by: "Group by",
  against: "Compare with",
  referenceNames: { overall: "Ward overall mean", target: "Target" },
  show: "Show",
  caption: (dimension: string, reference: string) => `Mean per question by ${dimension.toLowerCase()} (coloured by difference from the ${reference.toLowerCase()})`,
  referenceRow: (reference: string) => `Reference: ${reference}`,
  hidden: "Hidden",
  hiddenCell: "Hidden: too few respondents",
  noAnswers: "No answers",
  above: "above",
  below: "below",
  aboutSame: "about the same",
  cellLabel: (mean: string, difference: string, direction: string) => `Mean ${mean} (difference ${difference}, ${direction})`,
  legendHeading: "Reading the colours",
  legend: (band: number, edges: readonly number[]) => {
    const size = Math.abs(band);
    if (size === 0) return `Difference under ${edges[0]?.toFixed(3)} (about the same)`;
    const low = edges[size - 1]?.toFixed(3);
    const high = edges[size]?.toFixed(3);
    const range = high ? `${low} to under ${high}` : `${low} or more`;
    return `${band > 0 ? "▲ Above" : "▼ Below"}: difference ${range}`;
  },
  suppressionRule: (minimum: number) =>
    `Groups with fewer than ${minimum} respondents, and any group hidden so they cannot be worked out by subtraction, show every cell as "Hidden". Within a group, a question answered by fewer than ${minimum} is hidden too.`,
  nothingToShow: "There are no results to show for this grouping.",
  csv: "Heatmap (CSV)",
  xlsx: "Heatmap (Excel XLSX)",
  meanColumn: (code: string) => `${code} mean`,
  differenceColumn: (code: string) => `${code} difference`,
  fileName: (code: string, dimension: string) => `${code}_heatmap_by_${dimension}`,
  sheetName: "Heatmap",
  invalidQuery: "The grouping or the comparison is not one that can be used.",
  link: "Heatmap (groups × questions)",
} satisfies Dictionary["heatmap"];
