import type { Dictionary } from "../dictionary";

export const survey = {
  listTitle: "Surveys",
  listIntro: "These surveys are open for answers. Each person answers once.",
  listEmpty: "No survey is open for answers at the moment.",
  listCaption: "Surveys open for answers",
  columns: { title: "Survey", fiscalYear: "Fiscal year", closesOn: "Closes on", status: "Your answer" },
  answerNow: "Answer",
  answered: "Answered",
  answerTitle: "Answer a survey",
  closesOn: (date: string) => `Closes on ${date}`,
  introHeading: "Before you start",
  anonymityHeading: "What stays anonymous",
  anonymityGroups: (minGroupSize: number) =>
    `HR only sees totals for groups of at least ${minGroupSize} people. Results for smaller groups are not shown.`,
  anonymityStorage:
    "Your answers are stored without your name or employee number. The record that you have answered is kept apart from your answers, and the two cannot be linked.",
  anonymityBrowser:
    "Answers in progress are kept only in this browser. Nothing is stored on the server until you submit, and submitting clears them from the browser too.",
  anonymityFreeText: "In free-text answers, please write nothing that could identify you or anyone else.",
  start: "Start",
  next: "Next",
  back: "Back",
  submit: "Submit answers",
  submitting: "Submitting…",
  progressLabel: "Progress",
  progressIntro: "Before you start",
  progressSection: (current: number, total: number) => `Section ${current} of ${total}`,
  progressConfirm: "Check your answers",
  confirmIntro: "Check your answers, then submit them. Submitted answers cannot be changed.",
  notAnswered: "Not answered",
  choiceSeparator: ", ",
  upTo: (max: number) => `Choose up to ${max}`,
  followUpNote: (code: string, labels: string[]) =>
    `Only if you chose ${labels.map((label) => `“${label}”`).join(" or ")} in ${code}.`,
  freeTextHint: (max: number) => `Up to ${max} characters`,
  problems: {
    required: "Please answer this question.",
    invalid: "Please choose one of the options.",
    tooMany: (max: number) => `Choose no more than ${max}.`,
    tooLong: (max: number) => `Please keep to ${max} characters.`,
  },
  restored: "Your answers from last time have been restored.",
  clearRestored: "Clear restored answers",
  closedTitle: "This survey has closed",
  closedBody: "It no longer accepts answers. Thank you for your interest.",
  alreadyAnsweredTitle: "You have already answered this survey",
  alreadyAnsweredBody: "Thank you for taking part. Each person answers once, so it cannot be answered again.",
  thanksTitle: "Thank you for your answers",
  thanksBody:
    "Your answers have been received. They are stored without your name or employee number, so they cannot be changed later or traced back to you.",
  notEligibleTitle: "This survey is not for you",
  notEligibleBody: "If you think this is wrong, please contact HR.",
  offlineHeld:
    "You seem to be offline, so nothing was sent. Your answers are kept in this browser. Check your connection, then press the button again.",
  sendFailedTitle: "Your answers could not be sent",
  sendFailedBody:
    "The connection may have failed. Your answers are kept in this browser. Check your connection, then open the survey again.",
  reopenSurvey: "Open the survey again",
  backToList: "Back to surveys",
} satisfies Dictionary["survey"];
