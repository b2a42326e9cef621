import type { Dictionary } from "../dictionary";

export const crosstab = {
  title: "Cross-tabulation",
} satisfies Dictionary["crosstab"];
