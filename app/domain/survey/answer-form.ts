import {
  type AnswerProblem,
  type AnswerableQuestion,
  type AnswerableSection,
  type Answer,
  type RawAnswers,
  isQuestionShown,
  sectionsFor,
  validateAnswers,
} from "./answers";
import type { Dictionary, Locale } from "~/i18n/dictionary";
import type { ScaleOption } from "./scales";

/**
 * The answering form walks through steps: an introduction, one step per section the person is
 * asked, then a confirmation. Without JavaScript every step is a POST that carries all answers so
 * far, so the helpers here work on raw form values (strings per question code) throughout.
 */

/** A choice as the form shows it, in the reader's language. */
export interface FormOption {
  value: number;
  label: string;
}

/**
 * A question as the form shows and checks it, in the reader's language only: the page's data then
 * carries one language, not both (it is sent twice, in the HTML and as hydration data).
 */
export interface FormQuestion extends AnswerableQuestion {
  text: string;
  options: readonly FormOption[];
  /** What may be answered ("up to 2000 characters", "choose up to 3"), worded by the server. */
  hint?: string;
  /** For a follow-up, whom it is for ("only if you chose … in Q03"), worded by the server. */
  followUpNote?: string;
  /** For a multiple choice with a limit, what the browser says when one pick too many is undone. */
  limitMessage?: string;
}

export interface FormSection extends AnswerableSection {
  id: number;
  title: string;
  questions: readonly FormQuestion[];
}

/** What the survey definition provides; matches the model's SectionDefinition without importing server code. */
export interface DefinedSection {
  id: number;
  title_ja: string;
  title_en: string;
  eligibleEmploymentTypes: readonly string[] | null;
  questions: readonly (Omit<AnswerableQuestion, "optionValues"> & { text_ja: string; text_en: string; options: readonly ScaleOption[] })[];
}

export type MutableRawAnswers = Record<string, string[]>;

/** Why a survey cannot be answered (any more) by this person. */
export type SurveyUnavailable = "closed" | "answered" | "thanks" | "not_eligible";

/**
 * The answering page's own words, worded by its loader (answer-notices.server.ts), so the browser
 * loads no dictionary area for the page: the progress label of every step (introduction, each
 * section, confirmation) instead of the words to make them, and the document title.
 */
export type SurveyPageWords = Omit<Dictionary["survey"], "answerTitle" | "introHeading" | "progressSection" | "progressConfirm" | "tooMany"> & {
  title: string;
  steps: readonly string[];
};

/** What the introduction says about anonymity, worded by the server for this survey (answer-notices.server.ts). */
export interface AnonymityNotice {
  heading: string;
  notes: readonly string[];
}

/** The page shown instead of the form, worded by the server (answer-notices.server.ts). */
export interface SurveyNotice {
  status: SurveyUnavailable;
  heading: string;
  body: string;
}

export const INTRO_STEP = 0;

export function confirmStep(sections: readonly FormSection[]): number {
  return sections.length + 1;
}

/** The step number of a section (sections are steps 1..n). */
export function sectionStep(sectionIndex: number): number {
  return sectionIndex + 1;
}

/** A step number the person could be on, whatever was posted. */
export function clampStep(step: number, sections: readonly FormSection[]): number {
  return Math.min(Math.max(Math.trunc(step), INTRO_STEP), confirmStep(sections));
}

/**
 * The sections and questions a person of this employment type is asked, ready for the form in the
 * reader's language. Sections left with no question for them are dropped, so no step is empty.
 */
export function formSectionsFor(sections: readonly DefinedSection[], employmentType: string, locale: Locale): FormSection[] {
  const inLocale = (ja: string, en: string) => (locale === "ja" ? ja : en);
  const asked = sections.map(
    (section): FormSection => ({
      id: section.id,
      title: inLocale(section.title_ja, section.title_en),
      eligibleEmploymentTypes: section.eligibleEmploymentTypes,
      // Picked field by field: the definition also holds KPI targets, which the form has no use for.
      questions: section.questions
        .filter((q) => q.eligibleEmploymentTypes === null || q.eligibleEmploymentTypes.includes(employmentType))
        .map((q) => ({
          id: q.id,
          code: q.code,
          type: q.type,
          text: inLocale(q.text_ja, q.text_en),
          required: q.required,
          maxChoices: q.maxChoices,
          eligibleEmploymentTypes: q.eligibleEmploymentTypes,
          showIf: q.showIf,
          options: q.options.map((option) => ({ value: option.value, label: inLocale(option.label_ja, option.label_en) })),
          optionValues: q.options.map((option) => option.value),
        })),
    }),
  );
  return sectionsFor(asked, employmentType).filter((section) => section.questions.length > 0);
}

export function questionCodes(sections: readonly FormSection[]): string[] {
  return sections.flatMap((section) => section.questions.map((q) => q.code));
}

/** Only the values posted for the form's own questions; anything else in the body is ignored. */
export function pickAnswers(sections: readonly FormSection[], read: (code: string) => readonly string[]): MutableRawAnswers {
  const answers: MutableRawAnswers = {};
  for (const code of questionCodes(sections)) {
    const values = read(code).filter((value) => value !== "");
    if (values.length > 0) answers[code] = [...values];
  }
  return answers;
}

/**
 * Problems with one section's answers. Earlier sections are checked along with it (and their
 * problems left out) because a follow-up question may depend on an answer given there.
 */
export function sectionProblems(
  sections: readonly FormSection[],
  sectionIndex: number,
  employmentType: string,
  raw: RawAnswers,
): Record<string, AnswerProblem> {
  const section = sections[sectionIndex];
  if (!section) return {};
  const validation = validateAnswers(sections.slice(0, sectionIndex + 1), employmentType, raw);
  if (validation.ok) return {};
  const own = new Set(section.questions.map((q) => q.code));
  return Object.fromEntries(Object.entries(validation.problems).filter(([code]) => own.has(code)));
}

/** The first section holding one of the problems, as a step; the confirmation step when none does. */
export function firstStepWithProblem(sections: readonly FormSection[], problems: Readonly<Record<string, unknown>>): number {
  const index = sections.findIndex((section) => section.questions.some((q) => q.code in problems));
  return index === -1 ? confirmStep(sections) : sectionStep(index);
}

/**
 * The choices picked so far by question id, which follow-ups are decided on while the person
 * answers: isQuestionShown's rule, question by question in order (so a follow-up of a question
 * not shown stays hidden), on the values as picked. validateAnswers applies the same rule to the
 * answers that pass its checks; the two differ only while a trigger's answer is invalid, which the
 * server reports on that step before anything goes further. The browser then needs no answer checks.
 */
export function pickedById(sections: readonly FormSection[], employmentType: string, raw: RawAnswers): Map<number, Answer> {
  const picked = new Map<number, Answer>();
  for (const question of sections.flatMap((section) => section.questions)) {
    if (isQuestionShown(question, employmentType, picked)) picked.set(question.id, (raw[question.code] ?? []).map(Number));
  }
  return picked;
}

/**
 * Where to pick up answers kept from an earlier visit: the first section with a required question
 * it shows still unanswered, or the confirmation when there is none (the server checks every
 * answer again on the way).
 */
export function resumeStep(sections: readonly FormSection[], employmentType: string, raw: RawAnswers): number {
  const shown = pickedById(sections, employmentType, raw);
  const unanswered = (question: FormQuestion) => !(raw[question.code] ?? []).some((value) => value.trim() !== "");
  const index = sections.findIndex((section) => section.questions.some((q) => q.required && shown.has(q.id) && unanswered(q)));
  return index === -1 ? confirmStep(sections) : sectionStep(index);
}

/**
 * How a question appears on its step. A follow-up whose trigger is on the same step cannot react
 * to the choice until the page runs scripts, so until then it is asked with a note saying whom it
 * is for ("conditional"); the server drops its answer if the condition does not hold.
 */
export type QuestionPresence = "asked" | "skipped" | "conditional";

export function questionPresence(
  question: FormQuestion,
  section: FormSection,
  employmentType: string,
  known: ReadonlyMap<number, Answer>,
  canReact: boolean,
): QuestionPresence {
  const triggerOnSameStep = question.showIf !== null && section.questions.some((q) => q.id === question.showIf?.questionId);
  if (triggerOnSameStep && !canReact) return "conditional";
  return isQuestionShown(question, employmentType, known) ? "asked" : "skipped";
}

/** Name/value pairs carrying answers of the other steps through a plain form post. */
export function carriedAnswers(sections: readonly FormSection[], raw: RawAnswers, exceptSectionIndex: number | null): [string, string][] {
  return sections
    .filter((_, index) => index !== exceptSectionIndex)
    .flatMap((section) => section.questions)
    .flatMap((q) => (raw[q.code] ?? []).map((value): [string, string] => [q.code, value]));
}

/**
 * Where and how one person's answers in progress to one survey are kept in the browser: the
 * storage slot's name and the AES-GCM key, both derived on the server from the person and the
 * survey, so the next person on the same browser can neither find nor read them.
 */
export interface DraftKey {
  slot: string;
  /** 256-bit AES key, base64url. */
  key: string;
}

const DRAFT_PREFIX = "yell:draft:";

export function draftStorageKey(slot: string): string {
  return `${DRAFT_PREFIX}${slot}`;
}

/** Answers read back from browser storage; anything not shaped like answers is ignored. */
export function parseSavedAnswers(stored: string | null): MutableRawAnswers | null {
  if (stored === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const answers: MutableRawAnswers = {};
  for (const [code, values] of Object.entries(value)) {
    if (Array.isArray(values) && values.every((v) => typeof v === "string") && values.length > 0) answers[code] = values as string[];
  }
  return Object.keys(answers).length > 0 ? answers : null;
}
