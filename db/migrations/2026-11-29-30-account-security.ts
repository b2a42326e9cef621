import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

/**
 * - staff.password_reset_notice: who reset a person's password with a setup code and when (JSON),
 *   until the person's next sign-in carries it into their new session.
 * - sessions.notice: shown once on the first page of that session.
 * - server_secrets: keys that never leave the server; "draft_key" derives each person's key for
 *   answers in progress kept in their browser.
 * - indexes for purging expired sessions and setup codes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("staff").addColumn("password_reset_notice", "text").execute();
  await db.schema.alterTable("sessions").addColumn("notice", "text").execute();
  await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();
  await db.schema.createIndex("setup_codes_expires_idx").on("setup_codes").column("expires_at").execute();
  await db.schema
    .createTable("server_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await sql`insert into server_secrets (name, value, created_at) values ('draft_key', ${randomBytes(32).toString("base64")}, ${new Date().toISOString()})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("server_secrets").execute();
  await db.schema.dropIndex("setup_codes_expires_idx").execute();
  await db.schema.dropIndex("sessions_expires_idx").execute();
  await db.schema.alterTable("sessions").dropColumn("notice").execute();
  await db.schema.alterTable("staff").dropColumn("password_reset_notice").execute();
}
