import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest } from "#db/migrate";
import { createTestDb } from "../support/db";

const db = await createTestDb();

describe("migrations landing out of order", () => {
  it("a database migrated past a later number still takes an earlier one that landed afterwards", async () => {
    // As if 2026-11-29-60 had landed after this database ran 61 and 70: undo it and forget it ran.
    await sql`drop table notification_email_opt_outs`.execute(db);
    await sql`drop table email_queue`.execute(db);
    await sql`drop table notifications`.execute(db);
    await sql`delete from kysely_migration where name = '2026-11-29-60-notifications'`.execute(db);

    await migrateToLatest(db);
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name in ('notifications', 'email_queue', 'notification_email_opt_outs') order by name`.execute(db);
    expect(tables.rows.map((row) => row.name)).toEqual(["email_queue", "notification_email_opt_outs", "notifications"]);
  });
});
