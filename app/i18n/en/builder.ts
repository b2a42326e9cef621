import type { Dictionary } from "../dictionary";

export const builder = {
  title: "Survey builder",
} satisfies Dictionary["builder"];
