import { json } from "@remix-run/node";
import type { z } from "zod";
import type { Dictionary } from "~/i18n";
import { type FieldErrors, fieldErrors } from "~/i18n/zod-issues";

export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Form fields as strings (files are left out, and passwords are never echoed back). */
function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
  t: Dictionary,
): { ok: true; data: z.infer<S> } | FormFailure {
  const input = Object.fromEntries(form);
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error, t, input), values: echoValues(form) };
}

/** The 400 answer to a form that did not validate: field errors and what was typed. */
export function formError(failure: Omit<FormFailure, "ok">) {
  return json({ ok: false as const, errors: failure.errors, values: failure.values }, { status: 400 });
}
