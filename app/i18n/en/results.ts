import type { Dictionary } from "../dictionary";

export const results = {
  table: {
    question: "Question",
    indicator: "Indicator",
    statement: "Statement",
    n: "Answers",
    mean: "Mean",
    baseline: "Baseline",
    baselineYear: "Baseline year",
    target: "Target",
    change: "Change from baseline",
    achieved: "Target met",
    favourable: "Favourable share",
    countOf: (value: number) => `Answers of ${value}`,
    yes: "Met",
    no: "Not met",
    group: "Group",
    respondents: "Respondents",
    suppressed: "(hidden: too few respondents)",
  },
} satisfies Dictionary["results"];
