import type { Dictionary } from "../dictionary";

export const audit = {
  title: "Audit log",
  intro: "Operations that must be traceable: imports, exports, role changes, setup codes and the like (newest first, the latest 200). Survey answers and message texts are never recorded.",
  caption: "Audit log (newest first)",
  when: "When",
  who: "Who",
  what: "Operation",
  detail: "Detail",
  rows: "Rows",
  empty: "Nothing has been recorded yet.",
  areas: {
    survey: "Survey",
    roster: "Staff roster",
    results: "Results",
    setup_code: "Setup code",
    staff: "Staff",
    imessage: "I-message",
    round: "360° round",
    value_tag: "Value tag",
    demo: "Demo data",
  },
  commandLine: "Command line",
} satisfies Dictionary["audit"];
