import type { Role } from "#db/schema";

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
