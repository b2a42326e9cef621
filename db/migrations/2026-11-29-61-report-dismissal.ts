import type { Kysely } from "kysely";

// Frozen in time: this file must not import app code.

/** An administrator may decide a reported message is fine: the report leaves the queue and stays on record. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("imessages").addColumn("report_dismissed_at", "text").execute();
  await db.schema.alterTable("imessages").addColumn("report_dismissed_by", "integer", (c) => c.references("staff.id")).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("imessages").dropColumn("report_dismissed_by").execute();
  await db.schema.alterTable("imessages").dropColumn("report_dismissed_at").execute();
}
