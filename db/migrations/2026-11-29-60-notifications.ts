import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

export async function up(db: Kysely<unknown>): Promise<void> {
  // In-app notifications. `payload` holds ids and titles only: never answers or message text.
  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    // One notification per person and event: reminders re-run by the scheduler insert nothing twice.
    .addColumn("event_key", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addUniqueConstraint("notifications_event_unique", ["staff_id", "event_key"])
    .execute();
  await db.schema.createIndex("notifications_unread").on("notifications").columns(["staff_id", "read_at"]).execute();

  await db.schema
    .createTable("email_queue")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("staff_id", "integer", (c) => c.references("staff.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    // Emptied once sent, so a setup code in a letter does not outlive its delivery.
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'sending', 'sent', 'failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text")
    .addColumn("sent_at", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("email_queue_due").on("email_queue").columns(["status", "next_attempt_at"]).execute();

  // A row turns e-mail off for one kind; no row means e-mail is on.
  await db.schema
    .createTable("notification_email_opt_outs")
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_email_opt_outs_pk", ["staff_id", "kind"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("notification_email_opt_outs").execute();
  await db.schema.dropTable("email_queue").execute();
  await db.schema.dropTable("notifications").execute();
}
