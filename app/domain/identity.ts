import type { Role } from "#db/schema";
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

export type SetupCodeRefusal = "own_account" | "privileged_account";

/**
 * Who may hand out a setup code through the browser: a setup code sets a password, so it is
 * account recovery. HR recovers staff accounts only; admins recover HR and admin accounts too;
 * nobody recovers their own (they change their password while signed in). Operators at the
 * command line (issuer null) already hold the database and may recover anyone.
 */
export function setupCodeRefusal(
  issuer: { id: number; role: Role } | null,
  target: { id: number; role: Role },
): SetupCodeRefusal | null {
  if (issuer === null) return null;
  if (issuer.id === target.id) return "own_account";
  if (target.role !== "staff" && issuer.role !== "admin") return "privileged_account";
  return null;
}

/**
 * Control characters (NUL, ESC, tabs, line breaks) and the invisible bidirectional controls
 * (U+202E and kin) that make a name display as something else. No name needs them.
 */
const CONTROL_CHARACTERS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
