import type { Dictionary } from "../dictionary";

export const roster = {
  title: "Staff roster",
} satisfies Dictionary["roster"];
