import type { Dictionary } from "~/i18n/dictionary";
import type { FormSection, SurveyNotice, SurveyUnavailable } from "./answer-form";
import { type AnswerProblem, FREE_TEXT_MAX_LENGTH } from "./answers";

/*
 * What the server words for the answering page. Problems are only ever found by the server (a
 * step is checked when it is posted), and a refusal is decided there, so their texts travel as
 * text in the page's data and the browser carries none of them (area surveyNotices).
 */

const NOTICES: Record<SurveyUnavailable, (t: Dictionary["surveyNotices"]) => [string, string]> = {
  closed: (n) => [n.closedTitle, n.closedBody],
  answered: (n) => [n.alreadyAnsweredTitle, n.alreadyAnsweredBody],
  thanks: (n) => [n.thanksTitle, n.thanksBody],
  not_eligible: (n) => [n.notEligibleTitle, n.notEligibleBody],
};

/** The page shown instead of the form, worded. */
export function unavailableNotice(status: SurveyUnavailable, t: Dictionary): SurveyNotice {
  const [heading, body] = NOTICES[status](t.surveyNotices);
  return { status, heading, body };
}

function problemMessage(problem: AnswerProblem, maxChoices: number | null, t: Dictionary): string {
  switch (problem) {
    case "required":
      return t.surveyNotices.problems.required;
    case "invalid":
      return t.surveyNotices.problems.invalid;
    case "too_many":
      return t.survey.tooMany(maxChoices ?? 0);
    case "too_long":
      return t.surveyNotices.problems.tooLong(FREE_TEXT_MAX_LENGTH);
  }
}

/** The problems found in posted answers, by question code, as the form shows them. */
export function problemMessages(sections: readonly FormSection[], problems: Readonly<Record<string, AnswerProblem>>, t: Dictionary): Record<string, string> {
  const questions = new Map(sections.flatMap((section) => section.questions).map((question) => [question.code, question]));
  return Object.fromEntries(
    Object.entries(problems).map(([code, problem]) => [code, problemMessage(problem, questions.get(code)?.maxChoices ?? null, t)]),
  );
}
