import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

/** The tables a survey's structure is read from, and how a row finds its survey. */
const STRUCTURE_TABLES = [
  { table: "survey_sections", surveyOf: (row: string) => `${row}.survey_id` },
  { table: "survey_questions", surveyOf: (row: string) => `${row}.survey_id` },
  { table: "survey_outcomes", surveyOf: (row: string) => `${row}.survey_id` },
  { table: "question_options", surveyOf: (row: string) => `(select survey_id from survey_questions where id = ${row}.question_id)` },
  { table: "question_kpis", surveyOf: (row: string) => `(select survey_id from survey_questions where id = ${row}.question_id)` },
] as const;

const EVENTS = [
  { event: "insert", row: "new" },
  { event: "update", row: "new" },
  { event: "delete", row: "old" },
] as const;

/**
 * Every page that shows a survey read its whole structure (5 queries) on every request. The
 * server now keeps it in memory for as long as `structure_version` is unchanged. Triggers bump
 * the version on any change to the structure, whoever makes it (the builder, a template, the CLI
 * in another process), so no write path can forget to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table surveys add column structure_version integer not null default 0`.execute(db);
  for (const { table, surveyOf } of STRUCTURE_TABLES) {
    for (const { event, row } of EVENTS) {
      await sql
        .raw(
          `create trigger ${table}_${event}_bumps_structure after ${event} on ${table} for each row begin ` +
            `update surveys set structure_version = structure_version + 1 where id = ${surveyOf(row)}; end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { table } of STRUCTURE_TABLES) {
    for (const { event } of EVENTS) await sql.raw(`drop trigger ${table}_${event}_bumps_structure`).execute(db);
  }
  await sql`alter table surveys drop column structure_version`.execute(db);
}
