import type { Role } from "#db/schema";

/**
 * Who may hand out a setup code to whom. A setup code sets a password, so it is a way into the
 * account: only administrators may issue one for HR and admin accounts (HR would otherwise get
 * into accounts that see more than they do), and nobody issues one for themselves.
 */
export type SetupCodeRefusal = "self" | "privileged_target";

export function setupCodeRefusal(issuer: { id: number; role: Role }, target: { id: number; role: Role }): SetupCodeRefusal | null {
  if (issuer.id === target.id) return "self";
  if (target.role !== "staff" && issuer.role !== "admin") return "privileged_target";
  return null;
}

/** Which staff a batch of setup letters is for; the filters combine. */
export interface LetterSelection {
  /** A 部 (top-level department) name, or null for every department. */
  department: string | null;
  /** YYYY-MM-DD: only people added to the roster on or after this day. */
  addedSince: string | null;
  /** Only people who have never set a password. */
  withoutPasswordOnly: boolean;
}
