import type { Dictionary } from "../dictionary";

/** The list of open surveys, and a survey's deadline wherever it is named. */
export const surveyList = {
  listTitle: "Surveys",
  listIntro: "These surveys are open for answers. Each person answers once.",
  listEmpty: "No survey is open for answers at the moment.",
  listCaption: "Surveys open for answers",
  columns: { title: "Survey", fiscalYear: "Fiscal year", closesOn: "Closes on", status: "Your answer" },
  answerNow: "Answer",
  answered: "Answered",
  closesOn: (date: string) => `Closes on ${date}`,
} satisfies Dictionary["surveyList"];
