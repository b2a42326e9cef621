import type { z } from "zod";
import type { Dictionary } from "./dictionary";

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}
type PlainMessageKey = {
  [K in keyof Dictionary["validation"]]: Dictionary["validation"][K] extends string ? K : never;
}[keyof Dictionary["validation"]];

function isPlainMessageKey(t: Dictionary, key: string): key is PlainMessageKey {
  return typeof (t.validation as Record<string, unknown>)[key] === "string";
}

/**
 * A zod issue in the reader's language. Schemas name a message key from `validation` as their
 * error where the generic wording would not help (e.g. "employeeNumber"); otherwise the issue's
 * code and limits choose the message. zod does not keep the input in its issues, so the parsed
 * input is passed along to tell a missing value from a wrong one.
 */
export function localiseIssue(issue: Issue, t: Dictionary, input?: unknown): string {
  if (isPlainMessageKey(t, issue.message)) return t.validation[issue.message];
  switch (issue.code) {
    case "invalid_type":
      if (isBlank(valueAt(input, issue.path))) return t.validation.required;
      return issue.expected === "number" || issue.expected === "int" ? t.validation.notANumber : t.validation.invalid;
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? t.validation.required : t.validation.tooShort(Number(issue.minimum));
      }
      if (issue.origin === "number" || issue.origin === "int") return t.validation.tooSmall(Number(issue.minimum));
      return t.validation.required;
    case "too_big":
      if (issue.origin === "string") return t.validation.tooLong(Number(issue.maximum));
      return t.validation.tooBig(Number(issue.maximum));
    case "invalid_format":
      return issue.format === "email" ? t.validation.email : t.validation.invalid;
    case "invalid_value":
      return t.validation.invalidChoice(issue.values.map(String).join(", "));
    default:
      return t.validation.invalid;
  }
}

export type FieldErrors = Record<string, string>;

/** One message per field (the first), keyed by the field's path. */
export function fieldErrors(error: z.ZodError, t: Dictionary, input: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    errors[field] ??= localiseIssue(issue, t, input);
  }
  return errors;
}
