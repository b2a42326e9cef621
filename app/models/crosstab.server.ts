import { type Crosstab, buildCrosstab } from "~/domain/survey/crosstab";
import type { WithheldReason } from "~/domain/survey/disclosure";
import type { BreakdownDimension } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";
import { disclosedTallies } from "./disclosure.server";
import { type QuestionDefinition, type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";

export const CROSSTAB_QUESTION_TYPES = ["single_choice", "multiple_choice"] as const;

export function isCrosstabQuestion(question: Pick<QuestionDefinition, "type">): boolean {
  return (CROSSTAB_QUESTION_TYPES as readonly string[]).includes(question.type);
}

export type CrosstabOutcome =
  | {
      ok: true;
      definition: SurveyDefinition;
      question: QuestionDefinition;
      respondents: number;
      /** Null when the gate gives no figures: see `withheld`. */
      crosstab: Crosstab | null;
      withheld: CrosstabWithheld | null;
    }
  | { ok: false; reason: "unknown_survey" | "unknown_question" };

/** Why a cross-tab has no figures: the survey's state, or too few people answered this question. */
export type CrosstabWithheld = WithheldReason | "question_too_few_respondents";

/**
 * One choice question of a survey by one respondent attribute, through the disclosure gate: no
 * figure while the survey is open, under its minimum, or when the question itself has too few
 * respondents; groups (judged on who answered the question) hidden as the gate decides.
 */
export async function crosstabFor(db: Db, code: string, questionCode: string, by: BreakdownDimension): Promise<CrosstabOutcome> {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) return { ok: false, reason: "unknown_survey" };
  const question = definition.sections
    .flatMap((s) => s.questions)
    .find((q) => q.code.toUpperCase() === questionCode.toUpperCase() && isCrosstabQuestion(q));
  if (!question) return { ok: false, reason: "unknown_question" };

  const tallies = await disclosedTallies(db, definition.survey, [question.id], by);
  const base = { ok: true as const, definition, question, respondents: tallies.respondents };
  if (!tallies.figures.shown) return { ...base, crosstab: null, withheld: tallies.figures.reason };
  const overall = tallies.questions.get(question.id);
  if (!overall) return { ...base, crosstab: null, withheld: "question_too_few_respondents" };

  const groups = tallies.breakdown?.groups ?? [];
  const shown = groups.flatMap((group) => {
    const counts = group.suppressed ? null : group.questions.get(question.id);
    return counts && counts.respondents > 0 ? [{ name: group.name, ...counts }] : [];
  });
  const crosstab = buildCrosstab({
    options: question.options,
    overall,
    groups: shown,
    suppressed: groups.flatMap((group) => (group.suppressed || group.questions.get(question.id) === null ? [group.name] : [])),
  });
  return { ...base, crosstab, withheld: null };
}
