import type { Dictionary } from "../dictionary";

export const jobs = {
  running: "Importing…",
  read: "Rows read",
  checked: "Rows checked",
  written: "Rows written",
  progressLabel: "Writing progress",
  keepsGoing: "This page updates itself. The import carries on if you leave it.",
  failed: "The import stopped. Nothing was changed. Please try again.",
  unknown: "This import's status was not found (the server may have restarted). Check the results in the list.",
} satisfies Dictionary["jobs"];
