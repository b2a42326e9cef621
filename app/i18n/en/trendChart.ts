import type { Dictionary } from "../dictionary";

export const trendChart = {
  chooseHeading: "Questions to draw",
  choose: "Show",
  chartSummary: (questions: string, years: number) =>
    `Means of ${questions} over ${years} fiscal years, one line per question; the dotted lines are each question's target. The same numbers are in the table.`,
  yearAxis: "Fiscal year",
  targetOf: (code: string) => `${code} target`,
} satisfies Dictionary["trendChart"];
