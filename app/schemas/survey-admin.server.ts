import { z } from "zod";

export const surveyCodeSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: "surveyCode" });

const isoDate = z.iso.date({ error: "date" });

const datesInOrder = <T extends { opensOn: string; closesOn: string }>(value: T) => value.closesOn >= value.opensOn;

export const createSurveySchema = z
  .object({
    source: z.string({ error: "required" }).regex(/^(template|survey):.+$/, { error: "required" }),
    code: surveyCodeSchema,
    fiscalYear: z.coerce.number({ error: "notANumber" }).int().min(2000).max(2100),
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .refine(datesInOrder, { path: ["closesOn"], error: "datesOutOfOrder" });

export const surveyStatusSchema = z.object({
  intent: z.literal("status"),
  status: z.enum(["open", "closed"]),
});

export const surveySettingsSchema = z
  .object({
    intent: z.literal("settings"),
    opensOn: isoDate,
    closesOn: isoDate,
    minGroupSize: z.coerce.number({ error: "notANumber" }).int({ error: "notAWholeNumber" }).min(3).max(50),
  })
  .refine(datesInOrder, { path: ["closesOn"], error: "datesOutOfOrder" });

const TARGET_PATTERN = /^[1-4](\.\d{1,3})?$/;

/** A target field: blank returns the KPI to the city's rule; otherwise a score from 1 to 4 with up to 3 decimals, in thousandths. */
export const targetFieldSchema = z
  .string()
  .transform((raw) => raw.normalize("NFKC").trim())
  .refine((value) => value === "" || (TARGET_PATTERN.test(value) && Number(value) <= 4), { error: "kpiTarget" })
  .transform((value) => (value === "" ? null : Math.round(Number(value) * 1000)));

/** Which of the survey page's forms was posted. */
export const surveyAdminIntentSchema = z.object({ intent: z.enum(["status", "settings", "reporting", "targets"]) });

/** The KPI targets form: one optional target per KPI question of the survey. */
export function kpiTargetsSchema(kpiCodes: readonly string[]) {
  return z.object(Object.fromEntries(kpiCodes.map((code) => [code, targetFieldSchema.optional()])));
}

/** A past year's answers as an uploaded CSV file. */
export const responseImportSchema = z.object({
  file: z.instanceof(File, { error: "fileRequired" }).refine((file) => file.size > 0, { error: "fileRequired" }),
});
