import { type Kysely, sql } from "kysely";
import type { Database, Role } from "#db/schema";
import { type Db, type ValueSlots, reusableQuery } from "~/utils/db.server";
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
/** How long a due last_seen_at waits to be written together with the others. */
const TOUCH_FLUSH_MS = 2_000;

/**
 * Sessions seen again, written every 2 s in one transaction rather than each by the request that
 * notices it: with synchronous=FULL every write is a disk sync on the event loop, and during a
 * survey nearly every submission comes more than a minute after its page (one touch per answer).
 * Until written, the time seen counts here, so a session is never judged idle on a stale row.
 */
class PendingTouches {
  private readonly seenAt = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  lastSeen(idHash: string): string | undefined {
    return this.seenAt.get(idHash);
  }

  add(idHash: string, at: string): void {
    this.seenAt.set(idHash, at);
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush().catch((error: unknown) => console.error(error)), TOUCH_FLUSH_MS);
    this.timer.unref();
  }

  forget(idHash: string): void {
    this.seenAt.delete(idHash);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.seenAt.size === 0) return;
    const touches = [...this.seenAt];
    this.seenAt.clear();
    // One statement, with the latest time seen: at most 2 s later than some were seen, against idle
    // limits of minutes. The hashes go as one JSON parameter, so the statement's text (and its
    // prepared statement) is the same however many sessions there are.
    const seenAt = touches.reduce((latest, [, at]) => (at > latest ? at : latest), "");
    const idHashes = JSON.stringify(touches.map(([idHash]) => idHash));
    try {
      await this.db
        .updateTable("sessions")
        .set({ last_seen_at: seenAt })
        .where(sql<boolean>`id_hash in (select value from json_each(${idHashes}))`)
        .where("last_seen_at", "<", seenAt)
        .execute();
    } catch (error) {
      // Kept for the next flush (unless seen again since), so no session expires early for it.
      for (const [idHash, at] of touches) if (!this.seenAt.has(idHash)) this.add(idHash, at);
      throw error;
    }
  }
}

const pendingTouches = new WeakMap<Kysely<Database>, PendingTouches>();

function touchesOf(db: Kysely<Database>): PendingTouches {
  let touches = pendingTouches.get(db);
  if (!touches) {
    touches = new PendingTouches(db);
    pendingTouches.set(db, touches);
  }
  return touches;
}

/** Writes the sessions seen since the last write (the server does so before it stops and before purging idle sessions). */
export function flushSessionTouches(db: Kysely<Database>): Promise<void> {
  return touchesOf(db).flush();
}

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

/** Every request looks its session up: compiled once. */
const sessionWithStaff = reusableQuery((db, value: ValueSlots<{ idHash: string }>) =>
  db
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
    .where("sessions.id_hash", "=", value("idHash")),
);

/** The signed-in person for a cookie secret, or null when the session is unknown, idle too long, past its end, or the person is inactive. */
export async function findSessionUser(
  db: Kysely<Database>,
  secret: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionUser | null> {
  const idHash = sha256(secret);
  const [row] = await sessionWithStaff(db, { idHash });
  if (!row) return null;
  const touches = touchesOf(db);
  const pending = touches.lastSeen(idHash);
  const lastSeen = new Date(pending !== undefined && pending > row.last_seen_at ? pending : row.last_seen_at).getTime();
  if (row.active !== 1 || now.getTime() >= lastSeen + policy.idleMinutes * 60_000 || now.toISOString() >= row.expires_at) {
    touches.forget(idHash);
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (row.notice !== null) {
    // Said once: cleared at once, so a second page opened meanwhile does not say it again.
    touches.forget(idHash);
    await db.updateTable("sessions").set({ last_seen_at: now.toISOString(), notice: null }).where("id_hash", "=", idHash).execute();
  } else if (now.getTime() - lastSeen > TOUCH_INTERVAL_MS) {
    touches.add(idHash, now.toISOString());
  }
  return {
    id: row.id,
    employeeNumber: row.employee_number,
    name: row.name,
    role: row.role,
    passwordReset: parseNotice(row.notice),
  };
}

export async function deleteSession(db: Kysely<Database>, secret: string): Promise<void> {
  const idHash = sha256(secret);
  touchesOf(db).forget(idHash);
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteSessionsOf(db: Db, staffIds: readonly number[]): Promise<void> {
  if (staffIds.length === 0) return;
  await db.deleteFrom("sessions").where("staff_id", "in", staffIds).execute();
}

/**
 * Removes sessions past their end or idle limit, and setup codes used or expired: rows that only
 * say who was signed in when, kept for no one. Run at start and periodically by the server.
 */
export async function purgeExpired(db: Kysely<Database>, policy: SessionPolicy, now = new Date()): Promise<{ sessions: number; setupCodes: number }> {
  await flushSessionTouches(db);
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
