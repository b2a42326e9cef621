import type { Db } from "~/utils/db.server";

export interface Actor {
  id: number | null;
  /** An employee number, or "cli" for an operator at the command line. */
  label: string;
}

export const cliActor: Actor = { id: null, label: "cli" };

export async function recordAudit(
  db: Db,
  actor: Actor,
  action: string,
  detail: Record<string, unknown>,
  rowCount: number | null = null,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: actor.id,
      actor_label: actor.label,
      action,
      detail: JSON.stringify(detail),
      row_count: rowCount,
      created_at: now.toISOString(),
    })
    .execute();
}

export interface AuditFilters {
  /** Part of the actor's name or employee number (or "cli"). */
  who: string | null;
  /** The area of the action: the code before the dot ("survey", "roster" …). */
  area: string | null;
  /** YYYY-MM-DD, Tokyo days, both inclusive. */
  from: string | null;
  to: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = { who: null, area: null, from: null, to: null };

function tokyoMidnight(day: string): string {
  return new Date(`${day}T00:00:00+09:00`).toISOString();
}

/**
 * Audit entries newest first by when they happened (a backdated entry sorts by its own time),
 * with the acting person's name where the actor is a member of staff.
 */
export async function listAudit(db: Db, filters: AuditFilters = NO_AUDIT_FILTERS, limit = 100) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("staff as actor", "actor.id", "audit_log.actor_id")
    .select([
      "audit_log.id",
      "audit_log.actor_label",
      "actor.name as actor_name",
      "actor.employee_number as actor_number",
      "audit_log.action",
      "audit_log.detail",
      "audit_log.row_count",
      "audit_log.created_at",
    ]);
  if (filters.who) {
    const pattern = `%${filters.who.replace(/[%_\\]/g, "")}%`;
    query = query.where((eb) => eb.or([eb("audit_log.actor_label", "like", pattern), eb("actor.name", "like", pattern), eb("actor.employee_number", "like", pattern)]));
  }
  if (filters.area) {
    const prefix = `${filters.area}.`;
    query = query.where((eb) => eb(eb.fn("substr", ["audit_log.action", eb.val(1), eb.val(prefix.length)]), "=", prefix));
  }
  if (filters.from) query = query.where("audit_log.created_at", ">=", tokyoMidnight(filters.from));
  if (filters.to) query = query.where("audit_log.created_at", "<", new Date(new Date(tokyoMidnight(filters.to)).getTime() + 86_400_000).toISOString());
  return query.orderBy("audit_log.created_at", "desc").orderBy("audit_log.id", "desc").limit(limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

/** The areas recorded so far, for the filter. */
export async function listAuditAreas(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").distinct().execute();
  return [...new Set(rows.map((row) => row.action.split(".")[0] ?? row.action))].sort();
}
