import type { Dictionary } from "../dictionary";

/**
 * What the server words on the answering page: problems it found in posted answers, why a survey
 * cannot be answered, and questions' hints and follow-up notes. Never loaded in the browser
 * (there is no area/surveyNotices.client).
 */
export const surveyNotices = {
  problems: {
    required: "Please answer this question.",
    invalid: "Please choose one of the options.",
    tooLong: (max: number) => `Please keep to ${max} characters.`,
  },
  closedTitle: "This survey has closed",
  closedBody: "It no longer accepts answers. Thank you for your interest.",
  alreadyAnsweredTitle: "You have already answered this survey",
  alreadyAnsweredBody: "Thank you for taking part. Each person answers once, so it cannot be answered again.",
  thanksTitle: "Thank you for your answers",
  thanksBody:
    "Your answers have been received. They are stored without your name or employee number, so they cannot be changed later or traced back to you.",
  notEligibleTitle: "This survey is not for you",
  notEligibleBody: "If you think this is wrong, please contact HR.",
  anonymityHeading: "What stays anonymous",
  anonymityGroups: (minGroupSize: number) =>
    `HR only sees totals for groups of at least ${minGroupSize} people. Results for smaller groups are not shown.`,
  anonymityStorage:
    "Your answers are stored without your name or employee number. The record that you have answered is kept apart from your answers, and the two cannot be linked.",
  anonymityBrowser:
    "Answers in progress are kept only in this browser. Nothing is stored on the server until you submit, and submitting clears them from the browser too.",
  anonymityFreeText: "In free-text answers, please write nothing that could identify you or anyone else.",
  upTo: (max: number) => `Choose up to ${max}`,
  followUpNote: (code: string, labels: string[]) =>
    `Only if you chose ${labels.map((label) => `“${label}”`).join(" or ")} in ${code}.`,
  freeTextHint: (max: number) => `Up to ${max} characters`,
} satisfies Dictionary["surveyNotices"];
