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

export async function listAudit(db: Db, limit = 100) {
  return db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit).execute();
}
