import { type QuestionType, RATING_SCALES, isRatingQuestionType } from "./scales";

/**
 * The survey builder's rules, with no I/O: what a section or question may hold, and which
 * reorderings and deletions keep every follow-up pointing at an earlier question. Problems come
 * back as keys with parameters; the pages put them into words in the reader's language.
 */

export const QUESTION_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,15}$/;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const OPTION_LABEL_MAX = 100;

export type BuilderIssueKey =
  | "codeFormat"
  | "codeTaken"
  | "optionsNotAllowed"
  | "optionsTooFew"
  | "optionsTooMany"
  | "optionLineIncomplete"
  | "optionLabelTooLong"
  | "maxChoicesNotAllowed"
  | "maxChoicesRange"
  | "eligibilityUnknown"
  | "triggerNotEarlier"
  | "triggerWrongType"
  | "triggerValuesRequired"
  | "triggerValuesWithoutTrigger"
  | "triggerValueUnknown"
  | "kpiTypeLocked"
  | "followersNeedValues"
  | "moveBreaksFollowUp"
  | "deleteFollowed"
  | "sectionDeleteFollowed";

export interface IssueParams {
  detail?: string;
  min?: number;
  max?: number;
}

export interface BuilderIssue {
  /** The form field the problem belongs to ("form" when it is about the whole action). */
  field: string;
  key: BuilderIssueKey;
  params?: IssueParams;
}

export interface BuilderQuestion {
  id: number;
  code: string;
  type: QuestionType;
  /** The values a follow-up may name: 4..1 for ratings, 1..n for choices, none for free text. */
  optionValues: readonly number[];
  showIf: { questionId: number; values: readonly number[] } | null;
  hasKpi: boolean;
}

export interface BuilderSection {
  id: number;
  questions: readonly BuilderQuestion[];
}

export interface OptionLabels {
  label_ja: string;
  label_en: string;
}

export interface QuestionDraft {
  code: string;
  type: QuestionType;
  /** The options as typed: one per line, "日本語 | English". */
  optionsText: string;
  maxChoices: number | null;
  eligibility: readonly string[];
  showIfQuestionId: number | null;
  showIfValues: readonly number[];
}

export interface QuestionPlace {
  sections: readonly BuilderSection[];
  /** The section a new question is added to (at its end), or the edited question's section. */
  sectionId: number;
  /** The question being edited; null for a new one. */
  questionId: number | null;
  knownEmploymentTypes: readonly string[];
}

/** Every question in the order respondents meet them: by section, then within the section. */
export function flattenQuestions(sections: readonly BuilderSection[]): BuilderQuestion[] {
  return sections.flatMap((section) => section.questions);
}

export function isChoiceType(type: QuestionType): boolean {
  return type === "single_choice" || type === "multiple_choice";
}

/** Whether other questions can follow this type's answers (free text has none to choose). */
export function canTrigger(type: QuestionType): boolean {
  return type !== "free_text";
}

/** The values a question of this type offers, given the choice options it has. */
export function optionValuesFor(type: QuestionType, choiceCount: number): number[] {
  if (isRatingQuestionType(type)) return RATING_SCALES[type].options.map((o) => o.value);
  if (isChoiceType(type)) return Array.from({ length: choiceCount }, (_, i) => i + 1);
  return [];
}

/**
 * Options typed one per line as "日本語 | English" (a full-width ｜ works too). Blank lines are
 * skipped; values are the line order, 1-based.
 */
export function parseOptionLines(text: string): { options: OptionLabels[]; issues: BuilderIssue[] } {
  const options: OptionLabels[] = [];
  const issues: BuilderIssue[] = [];
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
  for (const [index, line] of lines.entries()) {
    const bar = line.search(/[|｜]/);
    const ja = (bar === -1 ? line : line.slice(0, bar)).trim();
    const en = bar === -1 ? "" : line.slice(bar + 1).trim();
    if (ja === "" || en === "") {
      issues.push({ field: "options", key: "optionLineIncomplete", params: { detail: line, min: index + 1 } });
    } else if (ja.length > OPTION_LABEL_MAX || en.length > OPTION_LABEL_MAX) {
      issues.push({ field: "options", key: "optionLabelTooLong", params: { min: index + 1, max: OPTION_LABEL_MAX } });
    }
    options.push({ label_ja: ja, label_en: en });
  }
  return { options, issues };
}

/** The text form of options, for editing. */
export function formatOptionLines(options: readonly OptionLabels[]): string {
  return options.map((o) => `${o.label_ja} | ${o.label_en}`).join("\n");
}

/** Questions a follow-up at this place may follow: earlier ones whose answers can be chosen. */
export function possibleTriggers(place: Pick<QuestionPlace, "sections" | "sectionId" | "questionId">): BuilderQuestion[] {
  return earlierQuestions(place).filter((q) => canTrigger(q.type));
}

function earlierQuestions({ sections, sectionId, questionId }: Pick<QuestionPlace, "sections" | "sectionId" | "questionId">): BuilderQuestion[] {
  const all = flattenQuestions(sections);
  if (questionId !== null) {
    const index = all.findIndex((q) => q.id === questionId);
    return index === -1 ? [] : all.slice(0, index);
  }
  // A new question goes at the end of its section: everything up to there comes before it.
  const sectionIndex = sections.findIndex((s) => s.id === sectionId);
  return sectionIndex === -1 ? [] : flattenQuestions(sections.slice(0, sectionIndex + 1));
}

export type QuestionCheck = { ok: true; options: OptionLabels[] } | { ok: false; issues: BuilderIssue[] };

/** Everything a question must satisfy beyond the shape of the form. */
export function checkQuestion(draft: QuestionDraft, place: QuestionPlace): QuestionCheck {
  const issues: BuilderIssue[] = [];
  const all = flattenQuestions(place.sections);
  const self = place.questionId === null ? undefined : all.find((q) => q.id === place.questionId);

  if (!QUESTION_CODE_PATTERN.test(draft.code)) issues.push({ field: "code", key: "codeFormat" });
  else if (all.some((q) => q.code === draft.code && q.id !== place.questionId)) {
    issues.push({ field: "code", key: "codeTaken", params: { detail: draft.code } });
  }

  if (self?.hasKpi && !isRatingQuestionType(draft.type)) issues.push({ field: "type", key: "kpiTypeLocked" });

  const parsed = parseOptionLines(draft.optionsText);
  let options: OptionLabels[] = [];
  if (isChoiceType(draft.type)) {
    issues.push(...parsed.issues);
    options = parsed.options;
    if (options.length < MIN_OPTIONS) issues.push({ field: "options", key: "optionsTooFew", params: { min: MIN_OPTIONS } });
    if (options.length > MAX_OPTIONS) issues.push({ field: "options", key: "optionsTooMany", params: { max: MAX_OPTIONS } });
  } else if (parsed.options.length > 0) {
    issues.push({ field: "options", key: "optionsNotAllowed" });
  }

  if (draft.maxChoices !== null) {
    if (draft.type !== "multiple_choice") issues.push({ field: "maxChoices", key: "maxChoicesNotAllowed" });
    else if (draft.maxChoices < 1 || (options.length >= MIN_OPTIONS && draft.maxChoices > options.length)) {
      issues.push({ field: "maxChoices", key: "maxChoicesRange", params: { min: 1, max: Math.max(options.length, 1) } });
    }
  }

  const unknown = draft.eligibility.filter((code) => !place.knownEmploymentTypes.includes(code));
  if (unknown.length > 0) issues.push({ field: "eligibility", key: "eligibilityUnknown", params: { detail: unknown.join(", ") } });

  if (draft.showIfQuestionId === null) {
    if (draft.showIfValues.length > 0) issues.push({ field: "showIfValues", key: "triggerValuesWithoutTrigger" });
  } else {
    const trigger = earlierQuestions(place).find((q) => q.id === draft.showIfQuestionId);
    if (!trigger) issues.push({ field: "showIfQuestion", key: "triggerNotEarlier" });
    else if (!canTrigger(trigger.type)) issues.push({ field: "showIfQuestion", key: "triggerWrongType", params: { detail: trigger.code } });
    else if (draft.showIfValues.length === 0) issues.push({ field: "showIfValues", key: "triggerValuesRequired" });
    else {
      const missing = draft.showIfValues.filter((v) => !trigger.optionValues.includes(v));
      if (missing.length > 0) {
        issues.push({
          field: "showIfValues",
          key: "triggerValueUnknown",
          params: { detail: missing.join(";"), max: Math.max(...trigger.optionValues) },
        });
      }
    }
  }

  // An edited question that others follow must keep offering the values they are waiting for.
  if (self) {
    const values = optionValuesFor(draft.type, options.length);
    const stranded = followersOf(place.sections, self.id).filter(
      (f) => !canTrigger(draft.type) || f.showIf!.values.some((v) => !values.includes(v)),
    );
    if (stranded.length > 0) {
      issues.push({ field: "type", key: "followersNeedValues", params: { detail: stranded.map((f) => f.code).join(", ") } });
    }
  }

  return issues.length > 0 ? { ok: false, issues } : { ok: true, options };
}

/** The questions shown only for answers of this one. */
export function followersOf(sections: readonly BuilderSection[], questionId: number): BuilderQuestion[] {
  return flattenQuestions(sections).filter((q) => q.showIf?.questionId === questionId);
}

/** Follow-ups that would no longer come after their trigger, as "follow-up ← trigger" pairs. */
export function orderProblems(sections: readonly BuilderSection[]): { follower: string; trigger: string }[] {
  const all = flattenQuestions(sections);
  const indexOf = new Map(all.map((q, i) => [q.id, i]));
  return all.flatMap((q, i) => {
    if (!q.showIf) return [];
    const at = indexOf.get(q.showIf.questionId);
    const trigger = at === undefined ? undefined : all[at];
    return at === undefined || at >= i ? [{ follower: q.code, trigger: trigger?.code ?? "?" }] : [];
  });
}

export type Direction = "up" | "down";

/** Sections after moving one a step; null when it is already at that end. */
export function moveSectionIn<S extends BuilderSection>(sections: readonly S[], sectionId: number, direction: Direction): S[] | null {
  const index = sections.findIndex((s) => s.id === sectionId);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index === -1 || target < 0 || target >= sections.length) return null;
  const moved = [...sections];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

/**
 * Sections after moving a question a step. At the top of its section it goes to the end of the
 * section before; at the bottom, to the start of the next. Null when there is nowhere to go.
 */
export function moveQuestionIn<S extends BuilderSection>(sections: readonly S[], questionId: number, direction: Direction): S[] | null {
  const sectionIndex = sections.findIndex((s) => s.questions.some((q) => q.id === questionId));
  if (sectionIndex === -1) return null;
  const section = sections[sectionIndex]!;
  const index = section.questions.findIndex((q) => q.id === questionId);
  const question = section.questions[index]!;
  const result = sections.map((s) => ({ ...s, questions: [...s.questions] }));
  const own = result[sectionIndex]!.questions;
  const target = direction === "up" ? index - 1 : index + 1;
  if (target >= 0 && target < own.length) {
    [own[index], own[target]] = [own[target]!, own[index]!];
    return result;
  }
  const neighbourIndex = direction === "up" ? sectionIndex - 1 : sectionIndex + 1;
  const neighbour = result[neighbourIndex];
  if (!neighbour) return null;
  own.splice(index, 1);
  if (direction === "up") neighbour.questions.push(question);
  else neighbour.questions.unshift(question);
  return result;
}

/** Why a new order is refused (follow-ups must come after their trigger), or nothing. */
export function checkOrder(sections: readonly BuilderSection[]): BuilderIssue[] {
  const problems = orderProblems(sections);
  if (problems.length === 0) return [];
  return [{ field: "form", key: "moveBreaksFollowUp", params: { detail: problems.map((p) => `${p.follower} ← ${p.trigger}`).join(", ") } }];
}

/** A question others follow cannot be deleted until they no longer follow it. */
export function checkDeleteQuestion(sections: readonly BuilderSection[], questionId: number): BuilderIssue[] {
  const followers = followersOf(sections, questionId);
  if (followers.length === 0) return [];
  return [{ field: "form", key: "deleteFollowed", params: { detail: followers.map((f) => f.code).join(", ") } }];
}

/** A section's questions go with it: refused while questions elsewhere follow one of them. */
export function checkDeleteSection(sections: readonly BuilderSection[], sectionId: number): BuilderIssue[] {
  const section = sections.find((s) => s.id === sectionId);
  if (!section) return [];
  const inside = new Set(section.questions.map((q) => q.id));
  const outside = flattenQuestions(sections).filter((q) => !inside.has(q.id) && q.showIf && inside.has(q.showIf.questionId));
  if (outside.length === 0) return [];
  return [{ field: "form", key: "sectionDeleteFollowed", params: { detail: outside.map((q) => q.code).join(", ") } }];
}

/** Trigger values typed as "1;2" (also "1,2", "1 2", "１；２"); null when something is not a number. */
export function parseTriggerValues(text: string): number[] | null {
  const cells = text
    .normalize("NFKC")
    .split(/[;,\s、]+/)
    .filter((cell) => cell !== "");
  if (cells.some((cell) => !/^\d{1,2}$/.test(cell))) return null;
  return [...new Set(cells.map(Number))].sort((a, b) => a - b);
}

/** Eligibility as stored: none ticked, or every type ticked, both mean everyone (null). */
export function eligibilityToStore(codes: readonly string[], known: readonly string[]): string[] | null {
  const chosen = known.filter((code) => codes.includes(code));
  return chosen.length === 0 || chosen.length === known.length ? null : chosen;
}
