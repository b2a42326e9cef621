import { FREE_TEXT_MAX_LENGTH } from "./answer-limits";
import type { QuestionType } from "./scales";

/** What answering needs to know of a question. */
export interface AnswerableQuestion {
  id: number;
  code: string;
  type: QuestionType;
  required: boolean;
  maxChoices: number | null;
  optionValues: readonly number[];
  eligibleEmploymentTypes: readonly string[] | null;
  showIf: { questionId: number; values: readonly number[] } | null;
}

export interface AnswerableSection {
  eligibleEmploymentTypes: readonly string[] | null;
  questions: readonly AnswerableQuestion[];
}

/** A rating or single choice is a value, a multiple choice a sorted set of values, free text text. */
export type Answer = number | readonly number[] | string;
export type Answers = Readonly<Record<string, Answer>>;

/** Raw form input: every value posted under a question's code. */
export type RawAnswers = Readonly<Record<string, readonly string[]>>;

export type AnswerProblem = "required" | "invalid" | "too_many" | "too_long";


function isEligible(types: readonly string[] | null, employmentType: string): boolean {
  return types === null || types.includes(employmentType);
}

/** Sections that apply to a person (by employment type). */
export function sectionsFor<S extends AnswerableSection>(sections: readonly S[], employmentType: string): S[] {
  return sections.filter((section) => isEligible(section.eligibleEmploymentTypes, employmentType));
}

function chosenValues(answer: Answer | undefined): readonly number[] {
  if (answer === undefined || typeof answer === "string") return [];
  return typeof answer === "number" ? [answer] : answer;
}

/**
 * Whether a question is asked: its section and itself are open to the person's employment type,
 * and a follow-up's condition holds on the answers so far.
 */
export function isQuestionShown(question: AnswerableQuestion, employmentType: string, answersById: ReadonlyMap<number, Answer>): boolean {
  if (!isEligible(question.eligibleEmploymentTypes, employmentType)) return false;
  if (question.showIf === null) return true;
  const chosen = chosenValues(answersById.get(question.showIf.questionId));
  return chosen.some((value) => question.showIf!.values.includes(value));
}

function parseOne(question: AnswerableQuestion, raw: readonly string[]): { answer: Answer | null } | { problem: AnswerProblem } {
  const cells = raw.map((cell) => cell.trim()).filter((cell) => cell !== "");
  if (question.type === "free_text") {
    const text = cells.join("\n");
    if (text === "") return { answer: null };
    return text.length > FREE_TEXT_MAX_LENGTH ? { problem: "too_long" } : { answer: text };
  }
  if (cells.length === 0) return { answer: null };
  const values = cells.map(Number);
  if (values.some((value) => !Number.isInteger(value) || !question.optionValues.includes(value))) return { problem: "invalid" };
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (question.type === "multiple_choice") {
    if (question.maxChoices !== null && distinct.length > question.maxChoices) return { problem: "too_many" };
    return { answer: distinct };
  }
  return distinct.length === 1 ? { answer: distinct[0]! } : { problem: "invalid" };
}

export type AnswerValidation =
  | { ok: true; answers: Answers }
  | { ok: false; problems: Readonly<Record<string, AnswerProblem>>; answers: Answers };

/**
 * Checks a person's answers to the questions given, in order (so follow-ups see the answers they
 * depend on). Answers to questions not shown to the person are dropped, never stored.
 */
export function validateAnswers(
  sections: readonly AnswerableSection[],
  employmentType: string,
  raw: RawAnswers,
): AnswerValidation {
  const answers: Record<string, Answer> = {};
  const answersById = new Map<number, Answer>();
  const problems: Record<string, AnswerProblem> = {};
  for (const section of sectionsFor(sections, employmentType)) {
    for (const question of section.questions) {
      if (!isQuestionShown(question, employmentType, answersById)) continue;
      const parsed = parseOne(question, raw[question.code] ?? []);
      if ("problem" in parsed) {
        problems[question.code] = parsed.problem;
      } else if (parsed.answer === null) {
        if (question.required) problems[question.code] = "required";
      } else {
        answers[question.code] = parsed.answer;
        answersById.set(question.id, parsed.answer);
      }
    }
  }
  return Object.keys(problems).length === 0 ? { ok: true, answers } : { ok: false, problems, answers };
}
