import { json } from "@remix-run/node";
import { z } from "zod";
import { type BuilderIssue, parseTriggerValues } from "~/domain/survey/builder";
import { QUESTION_TYPES } from "~/domain/survey/scales";
import type { Dictionary } from "~/i18n";
import { type FieldErrors, fieldErrors } from "~/i18n/zod-issues";
import { BuilderNotFound, BuilderRefused, type QuestionInput } from "~/models/survey-builder.server";
import { SurveyError } from "~/models/surveys.server";

/**
 * The builder's forms. zod checks the shape (present, not too long, numbers); the rules that
 * need the rest of the survey (unique codes, options, follow-ups) are in app/domain/survey/builder.ts
 * and run in the model, inside the transaction that writes.
 */

const text = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max);

/** Blank → null; otherwise a whole number from 1 to `max` (full-width digits accepted). */
const optionalWholeNumber = (max: number) =>
  z
    .preprocess(
      (raw) => {
        const cell = typeof raw === "string" ? raw.normalize("NFKC").trim() : raw;
        return cell === "" ? undefined : cell;
      },
      z.coerce.number({ error: "notANumber" }).int({ error: "notAWholeNumber" }).min(1).max(max).optional(),
    )
    .transform((value) => value ?? null);

const eligibility = z.array(z.string()).default([]);

export const sectionSchema = z.object({
  titleJa: text(100),
  titleEn: text(100),
  eligibility,
});

export const questionSchema = z.object({
  code: z
    .string({ error: "required" })
    .transform((raw) => raw.normalize("NFKC").trim().toUpperCase())
    .pipe(z.string().min(1, { error: "required" })),
  type: z.enum(QUESTION_TYPES, { error: "required" }),
  textJa: text(500),
  textEn: text(500),
  required: z
    .string()
    .optional()
    .transform((raw) => raw === "on" || raw === "1"),
  options: z.string().max(5000).default(""),
  maxChoices: optionalWholeNumber(99),
  eligibility,
  // A question's id: it grows with every question the ward ever wrote, so no small upper bound.
  showIfQuestion: optionalWholeNumber(Number.MAX_SAFE_INTEGER),
  showIfValues: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const values = parseTriggerValues(raw ?? "");
      if (values === null) {
        ctx.addIssue({ code: "custom", message: "notANumber" });
        return z.NEVER;
      }
      return values;
    }),
});

export const structureActionSchema = z.object({
  intent: z.enum(["moveSection", "deleteSection", "moveQuestion", "deleteQuestion"]),
  id: z.coerce.number().int().positive(),
  direction: z.enum(["up", "down"]).default("up"),
});

export type BuilderFormFailure = { ok: false; errors: FieldErrors; values: Record<string, string>; eligibility: string[] };

function formInput(form: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key !== "eligibility") values[key] = value;
  const ticked = form.getAll("eligibility").filter((v): v is string => typeof v === "string");
  return { values, eligibility: ticked };
}

/** Parses a builder form; checkboxes named `eligibility` are read as a list. */
export function parseBuilderForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
  t: Dictionary,
): { ok: true; data: z.infer<S> } | BuilderFormFailure {
  const { values, eligibility: ticked } = formInput(form);
  const input = { ...values, eligibility: ticked };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error, t, input), values, eligibility: ticked };
}

/** One message per field, the first. */
export function issuesToErrors(issues: readonly BuilderIssue[], t: Dictionary): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.field] ??= t.builder.problems[issue.key](issue.params ?? {});
  return errors;
}

export function builderFailure(failure: Omit<BuilderFormFailure, "ok">, status = 400) {
  return json({ ok: false as const, errors: failure.errors, values: failure.values, eligibility: failure.eligibility }, { status });
}

/**
 * The answer to a refused builder action: the rules' reasons (400), a survey no longer a draft
 * (409), a section or question not in it (404). Anything else is rethrown.
 */
export function builderErrorResponse(error: unknown, form: FormData, t: Dictionary) {
  const { values, eligibility: ticked } = formInput(form);
  if (error instanceof BuilderRefused) return builderFailure({ errors: issuesToErrors(error.issues, t), values, eligibility: ticked });
  if (error instanceof SurveyError && error.reason === "not_draft") {
    return builderFailure({ errors: { form: t.builder.frozenAction }, values, eligibility: ticked }, 409);
  }
  if (error instanceof BuilderNotFound || (error instanceof SurveyError && error.reason === "unknown_survey")) {
    throw json({ reason: "not found" }, { status: 404 });
  }
  throw error;
}

/** The model's input from a parsed question form. */
export function questionInput(data: z.infer<typeof questionSchema>): QuestionInput {
  return {
    code: data.code,
    type: data.type,
    text_ja: data.textJa,
    text_en: data.textEn,
    required: data.required,
    optionsText: data.options,
    maxChoices: data.maxChoices,
    eligibility: data.eligibility,
    showIfQuestionId: data.showIfQuestion,
    showIfValues: data.showIfValues,
  };
}
