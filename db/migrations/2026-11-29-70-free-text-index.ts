import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

/**
 * response_answers was indexed by question for every answer, but only free-text answers are ever
 * read by question; the index cost a fifth of the CPU of a 100,000-response import. It now covers
 * free-text rows only. (Deleting a question — possible only in a draft survey — scans instead.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index response_answers_question_idx`.execute(db);
  await sql`create index response_answers_free_text_idx on response_answers (question_id) where text_value is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index response_answers_free_text_idx`.execute(db);
  await db.schema.createIndex("response_answers_question_idx").on("response_answers").column("question_id").execute();
}
