import { z } from "zod";
import type { LetterSelection } from "~/domain/onboarding";

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => (value ? value : null));

/** The selection, from the query string (preview) or the form (issue); empty fields mean "any". */
export const letterSelectionSchema = z
  .object({
    department: optionalText,
    addedSince: z.union([z.literal(""), z.iso.date({ error: "date" })]).optional().transform((value) => (value ? value : null)),
    // An unticked checkbox sends nothing; the page opens with it ticked.
    withoutPasswordOnly: z.literal("on").optional().transform((value) => value === "on"),
  })
  .transform((value): LetterSelection => value);

export const issueLettersSchema = z.intersection(
  letterSelectionSchema,
  z.object({ sendEmail: z.literal("on").optional().transform((value) => value === "on") }),
);
