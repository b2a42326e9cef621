import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

/**
 * How many respondents answered each question, per group: the denominator of "share of
 * respondents" for a multiple-choice question, whose answer_tallies count picks, not people.
 * Kept in the same transaction as each response, like the other tallies; dimension 'all' has the
 * group ''.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("question_respondent_tallies")
    .addColumn("question_id", "integer", (c) => c.notNull().references("survey_questions.id").onDelete("cascade"))
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("question_respondent_tallies_pk", ["question_id", "dimension", "group_name"])
    .execute();

  // Responses stored before this table existed are counted once, from their answers.
  await sql`insert into question_respondent_tallies (question_id, dimension, group_name, count)
    select question_id, 'all', '', count(distinct response_id) from response_answers group by question_id`.execute(db);
  for (const dimension of ["department", "job_level", "age_band", "employment_type"]) {
    await sql`insert into question_respondent_tallies (question_id, dimension, group_name, count)
      select a.question_id, ${dimension}, r.${sql.ref(dimension)}, count(distinct a.response_id)
      from response_answers a join survey_responses r on r.id = a.response_id
      where r.${sql.ref(dimension)} is not null and r.${sql.ref(dimension)} <> ''
      group by a.question_id, r.${sql.ref(dimension)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("question_respondent_tallies").execute();
}
