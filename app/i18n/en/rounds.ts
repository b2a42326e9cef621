import type { Dictionary } from "../dictionary";

export const rounds = {
  title: "360° rounds",
} satisfies Dictionary["rounds"];
