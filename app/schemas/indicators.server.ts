import { z } from "zod";
import { INDICATOR_UNITS } from "~/domain/indicators";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
/** A number with at most 3 decimals, as integer thousandths. */
const thousandths = z.coerce
  .number()
  .min(0)
  .max(100_000)
  .refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6, { error: "invalid" })
  .transform((value) => Math.round(value * 1000));
const fiscalYear = z.coerce.number().int().min(2000).max(2100);

export const indicatorFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("define"),
    code: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { error: "surveyCode" }),
    nameJa: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    unit: z.enum(INDICATOR_UNITS),
    // Left blank: monitoring only.
    target: z.preprocess(blankToUndefined, thousandths.optional()),
    targetFiscalYear: z.preprocess(blankToUndefined, fiscalYear.optional()),
    direction: z.enum(["higher", "lower"]),
  }),
  z.object({
    intent: z.literal("record"),
    code: z.string().trim().min(1).max(40),
    fiscalYear,
    value: thousandths,
    source: z.string().trim().min(1).max(200),
  }),
]);
