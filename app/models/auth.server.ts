import type { Db } from "~/utils/db.server";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "~/utils/password.server";
import { humanCode, normaliseHumanCode, sha256 } from "~/utils/tokens.server";
import { type Actor, recordAudit } from "./audit.server";
import { type SessionPolicy, createSession, deleteSession, deleteSessionsOf } from "./session.server";

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
}

export type SignInResult =
  | { ok: true; staffId: number; secret: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/** Failures are counted per account and address together, so one office's typos do not lock out another's. */
function throttleKey(employeeNumber: string, address: string): string {
  return sha256(`${employeeNumber}\u0000${address}`);
}

/**
 * One address trying many accounts (password spraying) is stopped too, at a limit a whole office
 * behind one proxy address does not reach by typos.
 */
export const ADDRESS_FAILURE_FACTOR = 10;

function addressKey(address: string): string {
  return sha256(`address\u0000${address}`);
}

function addressPolicy(policy: ThrottlePolicy): ThrottlePolicy {
  return { ...policy, maxFailures: policy.maxFailures * ADDRESS_FAILURE_FACTOR };
}

async function minutesLocked(db: Db, accountKey: string, address: string, policy: ThrottlePolicy, now: Date) {
  return Math.max(
    await lockedMinutesLeft(db, accountKey, policy, now),
    await lockedMinutesLeft(db, addressKey(address), addressPolicy(policy), now),
  );
}

async function lockedMinutesLeft(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<number> {
  const row = await db.selectFrom("sign_in_failures").selectAll().where("throttle_key", "=", key).executeTakeFirst();
  if (!row || row.failures < policy.maxFailures) return 0;
  const unlockAt = new Date(row.window_started_at).getTime() + policy.lockMinutes * 60_000;
  return Math.max(0, Math.ceil((unlockAt - now.getTime()) / 60_000));
}

async function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
  const row = await db.selectFrom("sign_in_failures").selectAll().where("throttle_key", "=", key).executeTakeFirst();
  const windowEnd = row ? new Date(row.window_started_at).getTime() + policy.lockMinutes * 60_000 : 0;
  if (!row || now.getTime() >= windowEnd) {
    await db
      .insertInto("sign_in_failures")
      .values({ throttle_key: key, window_started_at: now.toISOString(), failures: 1 })
      .onConflict((oc) => oc.column("throttle_key").doUpdateSet({ window_started_at: now.toISOString(), failures: 1 }))
      .execute();
  } else {
    await db
      .updateTable("sign_in_failures")
      .set((eb) => ({ failures: eb("failures", "+", 1) }))
      .where("throttle_key", "=", key)
      .execute();
  }
}

export async function signIn(
  db: Db,
  input: { employeeNumber: string; password: string; address: string; previousSecret?: string | null },
  policies: { session: SessionPolicy; throttle: ThrottlePolicy },
  now = new Date(),
): Promise<SignInResult> {
  const key = throttleKey(input.employeeNumber, input.address);
  const retryAfterMinutes = await minutesLocked(db, key, input.address, policies.throttle, now);
  if (retryAfterMinutes > 0) return { ok: false, reason: "locked", retryAfterMinutes };

  const staff = await db
    .selectFrom("staff")
    .select(["id", "password_hash", "active"])
    .where("employee_number", "=", input.employeeNumber)
    .executeTakeFirst();
  const valid =
    staff?.password_hash && staff.active === 1
      ? await verifyPassword(input.password, staff.password_hash)
      : (await verifyAgainstDecoy(input.password), false);
  if (!staff || !valid) {
    await recordFailure(db, key, policies.throttle, now);
    await recordFailure(db, addressKey(input.address), addressPolicy(policies.throttle), now);
    const minutes = await minutesLocked(db, key, input.address, policies.throttle, now);
    return minutes > 0 ? { ok: false, reason: "locked", retryAfterMinutes: minutes } : { ok: false, reason: "invalid" };
  }

  await db.deleteFrom("sign_in_failures").where("throttle_key", "=", key).execute();
  // A new id at every sign-in, so an id planted before sign-in is worthless after it.
  if (input.previousSecret) await deleteSession(db, input.previousSecret);
  const secret = await createSession(db, staff.id, policies.session, now);
  return { ok: true, staffId: staff.id, secret };
}

export class UnknownEmployeeError extends Error {
  constructor(readonly employeeNumber: string) {
    super(`No active staff member has employee number ${employeeNumber}.`);
  }
}

/** Issues a one-time code for setting a password; earlier unused codes of the person stop working. */
export async function issueSetupCode(
  db: Db,
  employeeNumber: string,
  issuer: Actor,
  validHours: number,
  now = new Date(),
): Promise<{ code: string; expiresAt: string; staffName: string }> {
  return db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom("staff")
      .select(["id", "name"])
      .where("employee_number", "=", employeeNumber)
      .where("active", "=", 1)
      .executeTakeFirst();
    if (!staff) throw new UnknownEmployeeError(employeeNumber);
    const issued = await replaceSetupCode(trx, staff.id, issuer, validHours, now);
    await recordAudit(trx, issuer, "setup_code.issue", { employeeNumber }, null, now);
    return { ...issued, staffName: staff.name };
  });
}

/** A new one-time code for the person (inside the caller's transaction); earlier unused codes stop working. */
export async function replaceSetupCode(trx: Db, staffId: number, issuer: Actor, validHours: number, now = new Date()) {
  const code = humanCode();
  const expiresAt = new Date(now.getTime() + validHours * 3_600_000).toISOString();
  await trx.updateTable("setup_codes").set({ used_at: now.toISOString() }).where("staff_id", "=", staffId).where("used_at", "is", null).execute();
  await trx
    .insertInto("setup_codes")
    .values({ staff_id: staffId, code_hash: sha256(normaliseHumanCode(code)), expires_at: expiresAt, issued_by: issuer.id, created_at: now.toISOString() })
    .execute();
  return { code, expiresAt };
}

export type RedeemResult = { ok: true; staffId: number } | { ok: false; reason: "invalid" | "expired" };

/** Sets a password with a setup code. Any sessions the person had are ended. */
export async function redeemSetupCode(
  db: Db,
  input: { employeeNumber: string; code: string; password: string },
  now = new Date(),
): Promise<RedeemResult> {
  const codeHash = sha256(normaliseHumanCode(input.code));
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx): Promise<RedeemResult> => {
    const row = await trx
      .selectFrom("setup_codes")
      .innerJoin("staff", "staff.id", "setup_codes.staff_id")
      .select(["setup_codes.id", "setup_codes.expires_at", "setup_codes.used_at", "staff.id as staffId", "staff.active"])
      .where("setup_codes.code_hash", "=", codeHash)
      .where("staff.employee_number", "=", input.employeeNumber)
      .executeTakeFirst();
    if (!row || row.used_at !== null || row.active !== 1) return { ok: false, reason: "invalid" };
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: "expired" };
    await trx.updateTable("setup_codes").set({ used_at: now.toISOString() }).where("id", "=", row.id).execute();
    await trx
      .updateTable("staff")
      .set({ password_hash: passwordHash, updated_at: now.toISOString() })
      .where("id", "=", row.staffId)
      .execute();
    await deleteSessionsOf(trx, [row.staffId]);
    return { ok: true, staffId: row.staffId };
  });
}

/** Makes an existing roster member an administrator with the given password (first-run bootstrap). */
export async function makeAdmin(db: Db, employeeNumber: string, password: string, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("staff")
      .set({ role: "admin", password_hash: passwordHash, updated_at: now.toISOString() })
      .where("employee_number", "=", employeeNumber)
      .where("active", "=", 1)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new UnknownEmployeeError(employeeNumber);
    await recordAudit(trx, { id: null, label: "cli" }, "staff.make_admin", { employeeNumber }, 1, now);
  });
}

export type PasswordChangeResult = { ok: true } | { ok: false; reason: "wrong_password" };

/**
 * A signed-in person's new password, after checking the current one. Every other session of the
 * person ends, so a session left open elsewhere does not outlive the old password.
 */
export async function changePassword(
  db: Db,
  input: { staffId: number; currentPassword: string; newPassword: string; keepSessionSecret: string },
  now = new Date(),
): Promise<PasswordChangeResult> {
  const staff = await db.selectFrom("staff").select("password_hash").where("id", "=", input.staffId).where("active", "=", 1).executeTakeFirst();
  if (!staff?.password_hash || !(await verifyPassword(input.currentPassword, staff.password_hash))) {
    return { ok: false, reason: "wrong_password" };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staff").set({ password_hash: passwordHash, updated_at: now.toISOString() }).where("id", "=", input.staffId).execute();
    await trx
      .deleteFrom("sessions")
      .where("staff_id", "=", input.staffId)
      .where("id_hash", "!=", sha256(input.keepSessionSecret))
      .execute();
  });
  return { ok: true };
}
