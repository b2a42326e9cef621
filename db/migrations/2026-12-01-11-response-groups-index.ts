import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

/**
 * The row-level export first counts a survey's responses per combination of groups (to release
 * only k-anonymous combinations). With the groups in an index that count is a walk over the index
 * in group order instead of a read of every row and a sort: 130 ms → 16 ms at 100,000 responses.
 * The batch id is in it too, so leaving out unpublished imports needs no row either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index survey_responses_groups_idx
    on survey_responses (survey_id, department, job_level, age_band, employment_type, import_batch_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index survey_responses_groups_idx`.execute(db);
}
