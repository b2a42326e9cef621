import type { DefinedSection } from "~/domain/survey/answer-form";
import { AGREEMENT_SCALE } from "~/domain/survey/scales";

/** A required agreement question as a survey definition holds it; `extra` makes it anything else. */
export const definedQuestion = (id: number, code: string, extra: Partial<DefinedSection["questions"][number]> = {}) => ({
  id,
  code,
  type: "agreement" as const,
  text_ja: `${code}の文`,
  text_en: `${code} text`,
  required: true,
  maxChoices: null,
  eligibleEmploymentTypes: null,
  showIf: null,
  options: AGREEMENT_SCALE.options,
  ...extra,
});
