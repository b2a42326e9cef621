import type { Dictionary } from "../dictionary";

export const survey = {
  listTitle: "Surveys",
} satisfies Dictionary["survey"];
