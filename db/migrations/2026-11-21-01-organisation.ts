import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code, and its reference data stays as written.

const jobLevels = [
  { code: "director", name_ja: "部長級", name_en: "Director", ladder: "administrative", sort_order: 10 },
  { code: "section_chief", name_ja: "課長級", name_en: "Section chief", ladder: "administrative", sort_order: 20 },
  { code: "assistant_chief", name_ja: "課長補佐級", name_en: "Assistant section chief", ladder: "administrative", sort_order: 30 },
  { code: "unit_chief", name_ja: "係長級", name_en: "Unit chief", ladder: "administrative", sort_order: 40 },
  { code: "senior_staff", name_ja: "主任", name_en: "Senior staff", ladder: "administrative", sort_order: 50 },
  { code: "staff", name_ja: "主事", name_en: "Staff", ladder: "administrative", sort_order: 60 },
  { code: "chief_technician", name_ja: "統括技能長", name_en: "Chief technician", ladder: "technical", sort_order: 70 },
  { code: "lead_technician", name_ja: "技能長", name_en: "Lead technician", ladder: "technical", sort_order: 80 },
  { code: "senior_technician", name_ja: "技能主任", name_en: "Senior technician", ladder: "technical", sort_order: 90 },
  { code: "technician", name_ja: "係員", name_en: "Technician", ladder: "technical", sort_order: 100 },
];

const employmentTypes = [
  { code: "regular", name_ja: "常勤", name_en: "Regular", sort_order: 10 },
  { code: "reappointed", name_ja: "再任用", name_en: "Reappointed", sort_order: 20 },
  { code: "temporary", name_ja: "臨時的任用", name_en: "Temporary appointment", sort_order: 30 },
  { code: "fiscal_year", name_ja: "会計年度任用", name_en: "Fiscal-year appointment", sort_order: 40 },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("departments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("parent_id", "integer", (c) => c.references("departments.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull().unique())
    .addColumn("depth", "integer", (c) => c.notNull().check(sql`depth between 1 and 3`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("job_levels")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name_ja", "text", (c) => c.notNull().unique())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("ladder", "text", (c) => c.notNull().check(sql`ladder in ('administrative', 'technical')`))
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();
  await db.insertInto("job_levels" as never).values(jobLevels as never).execute();

  await db.schema
    .createTable("employment_types")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name_ja", "text", (c) => c.notNull().unique())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();
  await db.insertInto("employment_types" as never).values(employmentTypes as never).execute();

  await db.schema
    .createTable("staff")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("employee_number", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_kana", "text", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("department_id", "integer", (c) => c.notNull().references("departments.id"))
    .addColumn("job_level_code", "text", (c) => c.notNull().references("job_levels.code"))
    .addColumn("employment_type_code", "text", (c) => c.notNull().references("employment_types.code"))
    .addColumn("birth_year", "integer", (c) => c.notNull())
    .addColumn("supervisor_number", "text")
    .addColumn("role", "text", (c) => c.notNull().defaultTo("staff").check(sql`role in ('staff', 'hr', 'admin')`))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("staff_department_idx").on("staff").column("department_id").execute();
  await db.schema.createIndex("staff_supervisor_idx").on("staff").column("supervisor_number").execute();

  await db.schema
    .createTable("setup_codes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("issued_by", "integer", (c) => c.references("staff.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("setup_codes_staff_idx").on("setup_codes").column("staff_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_staff_idx").on("sessions").column("staff_id").execute();

  await db.schema
    .createTable("sign_in_failures")
    .addColumn("throttle_key", "text", (c) => c.primaryKey())
    .addColumn("window_started_at", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("actor_id", "integer", (c) => c.references("staff.id"))
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("row_count", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_log",
    "sign_in_failures",
    "sessions",
    "setup_codes",
    "staff",
    "employment_types",
    "job_levels",
    "departments",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
