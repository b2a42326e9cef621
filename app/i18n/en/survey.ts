import type { Dictionary } from "../dictionary";

/**
 * The answering page's words. Its loader words them for the page (surveyPageWords), so no browser
 * module loads this area (list: surveyList; notices and problems: surveyNotices).
 */
export const survey = {
  answerTitle: "Answer a survey",
  introHeading: "Before you start",
  start: "Start",
  next: "Next",
  back: "Back",
  submit: "Submit answers",
  submitting: "Submitting…",
  progressLabel: "Progress",
  progressSection: (current: number, total: number) => `Section ${current} of ${total}`,
  progressConfirm: "Check your answers",
  confirmIntro: "Check your answers, then submit them. Submitted answers cannot be changed.",
  notAnswered: "Not answered",
  choiceSeparator: ", ",
  tooMany: (max: number) => `Choose no more than ${max}.`,
  restored: "Your answers from last time have been restored.",
  clearRestored: "Clear restored answers",
  offlineHeld:
    "You seem to be offline, so nothing was sent. Your answers are kept in this browser. Check your connection, then press the button again.",
  sendFailedTitle: "Your answers could not be sent",
  sendFailedBody:
    "The connection may have failed. Your answers are kept in this browser. Check your connection, then open the survey again.",
  reopenSurvey: "Open the survey again",
  backToList: "Back to surveys",
} satisfies Dictionary["survey"];
