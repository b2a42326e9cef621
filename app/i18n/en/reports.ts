import type { Dictionary } from "../dictionary";

export const reports = {
  title: "Reports and trends",
} satisfies Dictionary["reports"];
