import type { Dictionary, Locale } from "~/i18n/dictionary";
import {
  type AnonymityNotice,
  type DefinedSection,
  type FormQuestion,
  type FormSection,
  type SurveyNotice,
  type SurveyPageWords,
  type SurveyUnavailable,
  formSectionsFor,
} from "./answer-form";
import { FREE_TEXT_MAX_LENGTH } from "./answer-limits";
import type { AnswerProblem } from "./answers";

/*
 * What the server words for the answering page (and the builder's preview of it). Problems are
 * only ever found by the server (a step is checked when it is posted), a refusal is decided
 * there, and a question's hint and follow-up note and the introduction's notes on anonymity
 * follow from the survey alone, so they travel as text in the page's data and the browser carries
 * neither the words (area surveyNotices) nor the code. Pure, like the rest of app/domain;
 * `.server` because the browser has no use for it, which the compiler then guarantees.
 */

const NOTICES: Record<SurveyUnavailable, (t: Dictionary["surveyNotices"]) => [string, string]> = {
  closed: (n) => [n.closedTitle, n.closedBody],
  answered: (n) => [n.alreadyAnsweredTitle, n.alreadyAnsweredBody],
  thanks: (n) => [n.thanksTitle, n.thanksBody],
  not_eligible: (n) => [n.notEligibleTitle, n.notEligibleBody],
};

/** The answering page's words for a survey of `sectionCount` sections (none when the page shows a notice instead). */
export function surveyPageWords(sectionCount: number, t: Dictionary): SurveyPageWords {
  const { answerTitle, introHeading, progressSection, progressConfirm, tooMany: _wordedPerQuestion, ...words } = t.survey;
  const sectionSteps = Array.from({ length: sectionCount }, (_, index) => progressSection(index + 1, sectionCount));
  return { ...words, title: `${answerTitle} | ${t.common.appName}`, steps: [introHeading, ...sectionSteps, progressConfirm] };
}

/** The introduction's notes on anonymity, for this survey's smallest reported group and its questions. */
export function anonymityNotice(minGroupSize: number, sections: readonly FormSection[], t: Dictionary): AnonymityNotice {
  const n = t.surveyNotices;
  const asksFreeText = sections.some((section) => section.questions.some((question) => question.type === "free_text"));
  return {
    heading: n.anonymityHeading,
    notes: [n.anonymityGroups(minGroupSize), n.anonymityStorage, n.anonymityBrowser, ...(asksFreeText ? [n.anonymityFreeText] : [])],
  };
}

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

function hintOf(question: FormQuestion, t: Dictionary): string | null {
  if (question.type === "free_text") return t.surveyNotices.freeTextHint(FREE_TEXT_MAX_LENGTH);
  return question.type === "multiple_choice" && question.maxChoices !== null ? t.surveyNotices.upTo(question.maxChoices) : null;
}

/** The form's sections with each question's hint, the message for one choice too many and, for a follow-up, whom it is for. */
export function describedSections(sections: readonly FormSection[], t: Dictionary): FormSection[] {
  const questions = new Map(sections.flatMap((section) => section.questions).map((question) => [question.id, question]));
  const noteOf = ({ showIf }: FormQuestion): string | null => {
    const trigger = showIf && questions.get(showIf.questionId);
    if (!showIf || !trigger) return null;
    const labels = trigger.options.filter((option) => showIf.values.includes(option.value)).map((option) => option.label);
    return t.surveyNotices.followUpNote(trigger.code, labels);
  };
  return sections.map((section) => ({
    ...section,
    questions: section.questions.map((question) => {
      const [hint, followUpNote] = [hintOf(question, t), noteOf(question)];
      const limitMessage = question.type === "multiple_choice" && question.maxChoices !== null ? t.survey.tooMany(question.maxChoices) : null;
      // Only when there is one: every absent key would be sent for every question.
      return { ...question, ...(hint ? { hint } : {}), ...(followUpNote ? { followUpNote } : {}), ...(limitMessage ? { limitMessage } : {}) };
    }),
  }));
}

/**
 * The sections a person of this employment type is asked, as the answering page shows them; the
 * builder's preview takes them from here too, and in its browser build this module is empty, so
 * the preview shares no more of the answering page's code than the question field.
 */
export function answeringSections(defined: readonly DefinedSection[], employmentType: string, locale: Locale, t: Dictionary): FormSection[] {
  return describedSections(formSectionsFor(defined, employmentType, locale), t);
}
