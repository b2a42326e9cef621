import { z } from "zod";
import { type FormSection, type MutableRawAnswers, pickAnswers } from "~/domain/survey/answer-form";

/** Which button was pressed on a step of the answering form, and on which step. */
export const answerStepSchema = z.object({
  intent: z.enum(["next", "back", "submit"]),
  step: z.coerce.number().int().min(0),
});

export type AnswerStep = z.infer<typeof answerStepSchema>;

/** The posted answers, every value per question code (a checkbox group posts several). */
export function readAnswers(form: FormData, sections: readonly FormSection[]): MutableRawAnswers {
  return pickAnswers(sections, (code) => form.getAll(code).filter((value): value is string => typeof value === "string"));
}
