import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

/**
 * Each response carries a copy of its answers in one text (see app/domain/export/encoded-answers.ts),
 * written in the same transaction as the answer rows, so the row-level export is a plain scan.
 * Existing responses are filled from their answer rows here; null for a response without answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_responses add column encoded_answers text`.execute(db);
  await sql`update survey_responses set encoded_answers = (
    select '[[' || group_concat(question_id || ',' || value) || '],'
      || (json_group_object(question_id, text_value) filter (where text_value is not null)) || ']'
    from response_answers where response_id = survey_responses.id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_responses drop column encoded_answers`.execute(db);
}
