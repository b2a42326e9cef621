import type { Dictionary } from "../dictionary";

export const crosstab = {
  title: "Cross-tabulation",
  intro: "For a choice question: how many picked each option, their shares, and a cross-tabulation by one respondent attribute.",
  backToResults: "Back to the results",
  formHeading: "What to tabulate",
  question: "Question",
  by: "Break down by",
  show: "Show",
  noChoiceQuestions: "This survey has no choice questions.",
  invalidQuery: "The question or the breakdown asked for is not valid.",
  overallHeading: "Answers per option",
  overallCaption: (code: string) => `${code}: answers and shares per option`,
  crosstabHeading: (dimension: string) => `By ${dimension.toLowerCase()}`,
  crosstabCaption: (code: string, dimension: string) => `${code}: answers by ${dimension.toLowerCase()}`,
  option: "Option",
  count: "Answers",
  total: "Total",
  shareOfRespondents: "Share of respondents",
  shareOfPicks: "Share of all picks",
  respondents: "Respondents",
  picks: "Picks",
  multipleNote: (max: number | null) =>
    max === null
      ? "A multiple-choice question: shares of respondents can add up to more than 100%."
      : `A multiple-choice question (up to ${max}): shares of respondents can add up to more than 100%.`,
  suppressedGroup: (name: string) => `${name}: hidden (too few respondents)`,
  suppressedColumn: "Hidden (too few respondents)",
  nothingToShow: "No group can be shown: every group has too few respondents.",
  exportsHeading: "Downloads",
  csv: "Cross-tabulation (CSV)",
  xlsx: "Cross-tabulation (Excel XLSX)",
  exportNote: "Downloads are recorded in the audit log.",
  fileName: (code: string, question: string, dimension: string) => `${code}_${question}_crosstab_by_${dimension}`,
  sheetName: "Cross-tab",
  unknownQuestion: (code: string) => `There is no choice question "${code}".`,
} satisfies Dictionary["crosstab"];
