import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

/**
 * From results to action: actions (取組) recorded against a closed survey and the KPIs or
 * logic-model outcomes they target; HR indicators from outside the survey and their yearly values;
 * units HR lets a person see the results of; and the summary HR shares back with staff.
 * Values are integer thousandths (18.6 % is 18600, 2.91 % is 2910), like the KPI tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("survey_actions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("planned").check(sql`status in ('planned', 'in_progress', 'done')`))
    // The unit (department path) the action is for; null is ward-wide.
    .addColumn("unit_path", "text")
    .addColumn("created_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("survey_actions_survey").on("survey_actions").columns(["survey_id"]).execute();

  await db.schema
    .createTable("survey_action_targets")
    .addColumn("action_id", "integer", (c) => c.notNull().references("survey_actions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('kpi', 'outcome')`))
    // A question code (Q08) or an outcome code (03).
    .addColumn("code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_action_targets_pk", ["action_id", "kind", "code"])
    .execute();

  await db.schema
    .createTable("hr_indicators")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name_ja", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull().check(sql`unit in ('percent', 'days', 'hours')`))
    // Null: monitoring only, no target.
    .addColumn("target_milli", "integer")
    .addColumn("target_fiscal_year", "integer")
    .addColumn("higher_is_better", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("hr_indicator_values")
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("hr_indicators.id").onDelete("cascade"))
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("value_milli", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("hr_indicator_values_pk", ["indicator_id", "fiscal_year"])
    .execute();

  await db.schema
    .createTable("unit_heads")
    .addColumn("staff_id", "integer", (c) => c.notNull().references("staff.id").onDelete("cascade"))
    .addColumn("department_id", "integer", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("granted_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_heads_pk", ["staff_id", "department_id"])
    .execute();

  await db.schema
    .createTable("survey_publications")
    .addColumn("survey_id", "integer", (c) => c.primaryKey().references("surveys.id").onDelete("cascade"))
    .addColumn("summary_ja", "text", (c) => c.notNull())
    .addColumn("summary_en", "text", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("staff.id").onDelete("set null"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["survey_publications", "unit_heads", "hr_indicator_values", "hr_indicators", "survey_action_targets", "survey_actions"]) {
    await db.schema.dropTable(table).execute();
  }
}
