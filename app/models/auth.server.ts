import type { Role } from "#db/schema";
import { type SetupCodeRefusal, setupCodeRefusal } from "~/domain/account-recovery";
import type { Db } from "~/utils/db.server";
import { PasswordCheckBusyError, hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from "~/utils/password.server";
import { humanCode, normaliseHumanCode, sha256 } from "~/utils/tokens.server";
import { type Actor, cliActor, recordAudit } from "./audit.server";
import { type SessionPolicy, createSession, deleteSession, deleteSessionsOf } from "./session.server";

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
}

export type SignInResult =
  | { ok: true; staffId: number; secret: string }
  | { ok: false; reason: "invalid" | "busy" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * One address trying many accounts (password spraying), or many addresses trying one account, is
 * stopped too, at a limit a whole office behind one proxy address does not reach by typos.
 */
export const ADDRESS_FAILURE_FACTOR = 10;

interface ThrottleCounter {
  key: string;
  limit: number;
}

/**
 * Attempts are counted per account and address together (so one office's typos do not lock out
 * another's), per address, and per account across addresses.
 */
function countersFor(employeeNumber: string, address: string, policy: ThrottlePolicy): ThrottleCounter[] {
  const wide = policy.maxFailures * ADDRESS_FAILURE_FACTOR;
  return [
    { key: sha256(`${employeeNumber}\u0000${address}`), limit: policy.maxFailures },
    { key: sha256(`address\u0000${address}`), limit: wide },
    { key: sha256(`account\u0000${employeeNumber}`), limit: wide },
  ];
}

interface CountedAttempt {
  /** Some counter has passed its limit: the password is not even checked. */
  overLimit: boolean;
  /** Some counter has reached its limit: a failure now locks. */
  atLimit: boolean;
  minutesLeft: number;
}

/**
 * Counts the attempt before the password is checked, each counter in one atomic upsert, so that
 * N attempts at once cost N, however the password checks interleave. A window starts at the first
 * attempt and a lock lasts until it ends.
 */
async function countAttempt(db: Db, counters: ThrottleCounter[], policy: ThrottlePolicy, now: Date): Promise<CountedAttempt> {
  const windowMs = policy.lockMinutes * 60_000;
  const stamp = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - windowMs).toISOString();
  const rows = await db.transaction().execute((trx) =>
    Promise.all(
      counters.map((counter) =>
        trx
          .insertInto("sign_in_failures")
          .values({ throttle_key: counter.key, window_started_at: stamp, failures: 1 })
          .onConflict((oc) =>
            oc.column("throttle_key").doUpdateSet((eb) => {
              const expired = eb("sign_in_failures.window_started_at", "<=", windowOpenedAfter);
              return {
                failures: eb.case().when(expired).then(1).else(eb("sign_in_failures.failures", "+", 1)).end(),
                window_started_at: eb.case().when(expired).then(stamp).else(eb.ref("sign_in_failures.window_started_at")).end(),
              };
            }),
          )
          .returning(["failures", "window_started_at"])
          .executeTakeFirstOrThrow(),
      ),
    ),
  );
  let overLimit = false;
  let atLimit = false;
  let minutesLeft = 0;
  rows.forEach((row, index) => {
    const limit = counters[index]?.limit ?? 0;
    if (row.failures < limit) return;
    atLimit = true;
    if (row.failures > limit) overLimit = true;
    const unlockAt = new Date(row.window_started_at).getTime() + windowMs;
    minutesLeft = Math.max(minutesLeft, Math.ceil((unlockAt - now.getTime()) / 60_000));
  });
  return { overLimit, atLimit, minutesLeft };
}

/** A successful sign-in was not a guess: it clears the account's failures here and gives back its count elsewhere. */
async function refundAttempt(db: Db, counters: ThrottleCounter[], clearFirst: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const [own, ...shared] = counters;
    if (own && clearFirst) await trx.deleteFrom("sign_in_failures").where("throttle_key", "=", own.key).execute();
    const refunded = clearFirst ? shared : counters;
    await trx
      .updateTable("sign_in_failures")
      .set((eb) => ({ failures: eb("failures", "-", 1) }))
      .where("throttle_key", "in", refunded.map((counter) => counter.key))
      .where("failures", ">", 0)
      .execute();
  });
}

/** Stored with the person until their next sign-in; `by` is null when an operator issued the code. */
export interface PasswordResetNotice {
  by: string | null;
  at: string;
}

/** A busy queue only postpones the rewrite to a later sign-in. */
async function rehashQuietly(password: string): Promise<string | null> {
  try {
    return await hashPassword(password);
  } catch (error) {
    if (error instanceof PasswordCheckBusyError) return null;
    throw error;
  }
}

export async function signIn(
  db: Db,
  input: { employeeNumber: string; password: string; address: string; previousSecret?: string | null },
  policies: { session: SessionPolicy; throttle: ThrottlePolicy },
  now = new Date(),
): Promise<SignInResult> {
  const counters = countersFor(input.employeeNumber, input.address, policies.throttle);
  const attempt = await countAttempt(db, counters, policies.throttle, now);
  if (attempt.overLimit) return { ok: false, reason: "locked", retryAfterMinutes: attempt.minutesLeft };

  const staff = await db
    .selectFrom("staff")
    .select(["id", "password_hash", "active"])
    .where("employee_number", "=", input.employeeNumber)
    .executeTakeFirst();
  let valid: boolean;
  try {
    valid =
      staff?.password_hash && staff.active === 1
        ? await verifyPassword(input.password, staff.password_hash)
        : (await verifyAgainstDecoy(input.password), false);
  } catch (error) {
    if (!(error instanceof PasswordCheckBusyError)) throw error;
    // Not checked, so not counted against the person.
    await refundAttempt(db, counters, false);
    return { ok: false, reason: "busy" };
  }
  if (!staff || !valid) {
    return attempt.atLimit ? { ok: false, reason: "locked", retryAfterMinutes: attempt.minutesLeft } : { ok: false, reason: "invalid" };
  }

  await refundAttempt(db, counters, true);
  const rehashed = staff.password_hash && needsRehash(staff.password_hash) ? await rehashQuietly(input.password) : null;
  // A new id at every sign-in, so an id planted before sign-in is worthless after it.
  if (input.previousSecret) await deleteSession(db, input.previousSecret);
  const secret = await db.transaction().execute(async (trx) => {
    const pending = await trx.selectFrom("staff").select("password_reset_notice").where("id", "=", staff.id).executeTakeFirst();
    const notice = pending?.password_reset_notice ?? null;
    if (notice !== null) await trx.updateTable("staff").set({ password_reset_notice: null }).where("id", "=", staff.id).execute();
    // Only if the hash is still the one just checked: a password set meanwhile wins.
    if (rehashed) {
      await trx
        .updateTable("staff")
        .set({ password_hash: rehashed })
        .where("id", "=", staff.id)
        .where("password_hash", "=", staff.password_hash)
        .execute();
    }
    return createSession(trx, staff.id, policies.session, now, notice);
  });
  return { ok: true, staffId: staff.id, secret };
}

export class UnknownEmployeeError extends Error {
  constructor(readonly employeeNumber: string) {
    super(`No active staff member has employee number ${employeeNumber}.`);
  }
}

export class SetupCodeRefused extends Error {
  constructor(readonly reason: SetupCodeRefusal) {
    super(`A setup code may not be issued here: ${reason}.`);
  }
}

/** Who issues a code: a signed-in HR member or admin, or an operator at the command line. */
export interface SetupCodeIssuer extends Actor {
  role: Role | null;
}

export const cliIssuer: SetupCodeIssuer = { ...cliActor, role: null };

/**
 * Issues a one-time code for setting a password; earlier unused codes of the person stop working.
 * Whether the issuer may recover this account is decided inside the transaction, on the roles as
 * they are now.
 */
export async function issueSetupCode(
  db: Db,
  employeeNumber: string,
  issuer: SetupCodeIssuer,
  validHours: number,
  now = new Date(),
): Promise<{ code: string; expiresAt: string; staffName: string }> {
  return db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom("staff")
      .select(["id", "name", "role"])
      .where("employee_number", "=", employeeNumber)
      .where("active", "=", 1)
      .executeTakeFirst();
    if (!staff) throw new UnknownEmployeeError(employeeNumber);
    const issued = await replaceSetupCode(trx, staff, issuer, validHours, now);
    if (!issued.ok) throw new SetupCodeRefused(issued.refusal);
    await recordAudit(trx, issuer, "setup_code.issue", { employeeNumber }, null, now);
    return { code: issued.code, expiresAt: issued.expiresAt, staffName: staff.name };
  });
}

/**
 * A new one-time code for the person, inside the caller's transaction, if the issuer may recover
 * this account (`setupCodeRefusal`, on the roles as read in that transaction); earlier unused codes
 * of the person stop working. Single codes and setup-letter batches both issue through here.
 */
export async function replaceSetupCode(
  trx: Db,
  target: { id: number; role: Role },
  issuer: SetupCodeIssuer,
  validHours: number,
  now = new Date(),
): Promise<{ ok: true; code: string; expiresAt: string } | { ok: false; refusal: SetupCodeRefusal }> {
  const refusal = setupCodeRefusal(issuer.role === null || issuer.id === null ? null : { id: issuer.id, role: issuer.role }, target);
  if (refusal) return { ok: false, refusal };
  const code = humanCode();
  const expiresAt = new Date(now.getTime() + validHours * 3_600_000).toISOString();
  await trx.updateTable("setup_codes").set({ used_at: now.toISOString() }).where("staff_id", "=", target.id).where("used_at", "is", null).execute();
  await trx
    .insertInto("setup_codes")
    .values({ staff_id: target.id, code_hash: sha256(normaliseHumanCode(code)), expires_at: expiresAt, issued_by: issuer.id, created_at: now.toISOString() })
    .execute();
  return { ok: true, code, expiresAt };
}

export type RedeemResult = { ok: true; staffId: number } | { ok: false; reason: "invalid" | "expired" };

/**
 * Sets a password with a setup code. Any sessions the person had are ended, the change is audited,
 * and the person is told at their next sign-in who issued the code (so a reset they did not ask
 * for does not go unnoticed).
 */
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
      .leftJoin("staff as issuer", "issuer.id", "setup_codes.issued_by")
      .select([
        "setup_codes.id",
        "setup_codes.expires_at",
        "setup_codes.used_at",
        "staff.id as staffId",
        "staff.active",
        "staff.password_hash as previousHash",
        "issuer.name as issuerName",
        "issuer.employee_number as issuerNumber",
      ])
      .where("setup_codes.code_hash", "=", codeHash)
      .where("staff.employee_number", "=", input.employeeNumber)
      .executeTakeFirst();
    if (!row || row.used_at !== null || row.active !== 1) return { ok: false, reason: "invalid" };
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: "expired" };
    const issuedBy = row.issuerName ? `${row.issuerName} (${row.issuerNumber ?? ""})` : null;
    // A first password is no reset: nobody else has been locked out of anything.
    const notice = row.previousHash === null ? null : JSON.stringify({ by: issuedBy, at: now.toISOString() } satisfies PasswordResetNotice);
    await trx.updateTable("setup_codes").set({ used_at: now.toISOString() }).where("id", "=", row.id).execute();
    await trx
      .updateTable("staff")
      .set({ password_hash: passwordHash, password_reset_notice: notice, updated_at: now.toISOString() })
      .where("id", "=", row.staffId)
      .execute();
    await deleteSessionsOf(trx, [row.staffId]);
    await recordAudit(
      trx,
      { id: row.staffId, label: input.employeeNumber },
      "setup_code.redeem",
      { employeeNumber: input.employeeNumber, issuedBy: row.issuerNumber ?? "cli", firstPassword: row.previousHash === null },
      1,
      now,
    );
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
