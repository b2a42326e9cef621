import type { Role } from "#db/schema";
import type { Db } from "~/utils/db.server";
import { randomToken, sha256 } from "~/utils/tokens.server";

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionUser {
  id: number;
  employeeNumber: string;
  name: string;
  role: Role;
  /** Someone reset this person's password with a setup code: said once, on the session's first page. */
  passwordReset: { by: string | null; at: string } | null;
}

function parseNotice(stored: string | null): SessionUser["passwordReset"] {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as { by?: unknown; at?: unknown };
    return typeof value.at === "string" ? { by: typeof value.by === "string" ? value.by : null, at: value.at } : null;
  } catch {
    return null;
  }
}

/** Writing last_seen_at on every request would turn each page view into a disk sync. */
const TOUCH_INTERVAL_MS = 60_000;

/** Starts a session and returns the cookie's secret; only its hash is stored. */
export async function createSession(db: Db, staffId: number, policy: SessionPolicy, now = new Date(), notice: string | null = null) {
  const secret = randomToken();
  await db
    .insertInto("sessions")
    .values({
      id_hash: sha256(secret),
      staff_id: staffId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString(),
      notice,
    })
    .execute();
  return secret;
}

/** The signed-in person for a cookie secret, or null when the session is unknown, idle too long, past its end, or the person is inactive. */
export async function findSessionUser(
  db: Db,
  secret: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionUser | null> {
  const idHash = sha256(secret);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("staff", "staff.id", "sessions.staff_id")
    .select([
      "sessions.last_seen_at",
      "sessions.expires_at",
      "sessions.notice",
      "staff.id",
      "staff.employee_number",
      "staff.name",
      "staff.role",
      "staff.active",
    ])
    .where("sessions.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + policy.idleMinutes * 60_000;
  if (row.active !== 1 || now.getTime() >= idleLimit || now.toISOString() >= row.expires_at) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (row.notice !== null || now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now.toISOString(), notice: null }).where("id_hash", "=", idHash).execute();
  }
  return {
    id: row.id,
    employeeNumber: row.employee_number,
    name: row.name,
    role: row.role,
    passwordReset: parseNotice(row.notice),
  };
}

export async function deleteSession(db: Db, secret: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", sha256(secret)).execute();
}

export async function deleteSessionsOf(db: Db, staffIds: readonly number[]): Promise<void> {
  if (staffIds.length === 0) return;
  await db.deleteFrom("sessions").where("staff_id", "in", staffIds).execute();
}

/**
 * Removes sessions past their end or idle limit, and setup codes used or expired: rows that only
 * say who was signed in when, kept for no one. Run at start and periodically by the server.
 */
export async function purgeExpired(db: Db, policy: SessionPolicy, now = new Date()): Promise<{ sessions: number; setupCodes: number }> {
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString();
  const sessions = await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", now.toISOString()), eb("last_seen_at", "<=", idleCutoff)]))
    .executeTakeFirst();
  const setupCodes = await db
    .deleteFrom("setup_codes")
    .where((eb) => eb.or([eb("used_at", "is not", null), eb("expires_at", "<=", now.toISOString())]))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), setupCodes: Number(setupCodes.numDeletedRows) };
}
