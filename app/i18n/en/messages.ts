import type { Dictionary } from "../dictionary";

export const messages = {
  title: "I-messages",
} satisfies Dictionary["messages"];
