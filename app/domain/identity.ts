import { z } from "zod";

/**
 * Employee numbers are text, leading zeros kept. Full-width digits typed with a Japanese IME are
 * folded to half-width so "００１２" and "0012" are the same person.
 */
export function normaliseEmployeeNumber(raw: string): string {
  return raw.normalize("NFKC").trim().toUpperCase();
}

export const EMPLOYEE_NUMBER_PATTERN = /^[0-9A-Z][0-9A-Z-]{0,19}$/;

export const employeeNumberSchema = z
  .string({ error: "required" })
  .transform(normaliseEmployeeNumber)
  .pipe(z.string().min(1, { error: "required" }).regex(EMPLOYEE_NUMBER_PATTERN, { error: "employeeNumber" }));

/**
 * Control characters (NUL, ESC, tabs, line breaks) and the invisible bidirectional controls
 * (U+202E and kin) that make a name display as something else. No name needs them.
 */
const CONTROL_CHARACTERS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
