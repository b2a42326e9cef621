import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code, and its seed tags stay as written.

const valueTags = [
  { code: "tasukeai", name_ja: "たすけあエール", name_en: "Helping-each-other yell", kind: "yell", sort_order: 10 },
  { code: "sonchoushiai", name_ja: "そんちょうしあエール", name_en: "Respecting-each-other yell", kind: "yell", sort_order: 20 },
  { code: "tanoshime", name_ja: "たのしめエール", name_en: "Enjoy-your-work yell", kind: "yell", sort_order: 30 },
  { code: "initiative", name_ja: "積極性", name_en: "Initiative", kind: "quality", sort_order: 40 },
  { code: "drive", name_ja: "推進力", name_en: "Drive", kind: "quality", sort_order: 50 },
  { code: "ambition", name_ja: "向上心", name_en: "Ambition to improve", kind: "quality", sort_order: 60 },
  { code: "imagination", name_ja: "想像力", name_en: "Imagination", kind: "quality", sort_order: 70 },
  { code: "flexibility", name_ja: "柔軟性", name_en: "Flexibility", kind: "quality", sort_order: 80 },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("value_tags")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name_ja", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('yell', 'quality', 'custom')`))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();
  await db.insertInto("value_tags" as never).values(valueTags as never).execute();

  await db.schema
    .createTable("feedback_rounds")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'closed')`))
    .addColumn("expected_per_participant", "integer", (c) => c.notNull().defaultTo(3))
    .addColumn("require_supervisor", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("staff.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();

  await db.schema
    .createTable("round_participants")
    .addColumn("round_id", "integer", (c) => c.notNull().references("feedback_rounds.id").onDelete("cascade"))
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id"))
    // The participant's 部 when the round opened: coverage is reported per department.
    .addColumn("department", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_participants_pk", ["round_id", "staff_id"])
    .execute();
  await db.schema.createIndex("round_participants_staff_idx").on("round_participants").column("staff_id").execute();

  await db.schema
    .createTable("imessages")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("sender_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("recipient_id", "integer", (c) => c.notNull().references("staff.id"))
    .addColumn("relationship", "text", (c) =>
      c.notNull().check(sql`relationship in ('to_supervisor', 'colleague', 'to_report', 'other')`),
    )
    .addColumn("scene", "text", (c) => c.notNull())
    .addColumn("feeling", "text", (c) => c.notNull())
    .addColumn("effect", "text", (c) => c.notNull())
    .addColumn("round_id", "integer", (c) => c.references("feedback_rounds.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addColumn("thanked_at", "text")
    .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reported_at", "text")
    .addColumn("report_reason", "text")
    .addColumn("hidden_at", "text")
    .addColumn("hidden_by", "integer", (c) => c.references("staff.id"))
    .addCheckConstraint("imessages_not_to_self", sql`sender_id <> recipient_id`)
    .execute();
  await db.schema.createIndex("imessages_recipient_idx").on("imessages").columns(["recipient_id", "created_at"]).execute();
  await db.schema.createIndex("imessages_sender_idx").on("imessages").columns(["sender_id", "created_at"]).execute();
  await db.schema.createIndex("imessages_round_idx").on("imessages").column("round_id").execute();

  await db.schema
    .createTable("imessage_tags")
    .addColumn("message_id", "integer", (c) => c.notNull().references("imessages.id").onDelete("cascade"))
    .addColumn("tag_id", "integer", (c) => c.notNull().references("value_tags.id"))
    .addPrimaryKeyConstraint("imessage_tags_pk", ["message_id", "tag_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["imessage_tags", "imessages", "round_participants", "feedback_rounds", "value_tags"]) {
    await db.schema.dropTable(table).execute();
  }
}
