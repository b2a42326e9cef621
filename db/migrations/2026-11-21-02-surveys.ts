import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("surveys")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer", (c) => c.notNull())
    .addColumn("opens_on", "text", (c) => c.notNull())
    .addColumn("closes_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft', 'open', 'closed')`))
    .addColumn("min_group_size", "integer", (c) => c.notNull().defaultTo(5).check(sql`min_group_size >= 2`))
    .addColumn("intro_ja", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("intro_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("template_code", "text")
    // Last year's survey of the same series: KPIs carry over and trends follow the chain.
    .addColumn("previous_survey_id", "integer", (c) => c.references("surveys.id"))
    .addColumn("final_outcome_ja", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("final_outcome_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("survey_sections")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title_ja", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    // JSON array of employment type codes; null = everyone.
    .addColumn("eligible_employment_types", "text")
    .execute();
  await db.schema.createIndex("survey_sections_survey_idx").on("survey_sections").columns(["survey_id", "position"]).execute();

  await db.schema
    .createTable("survey_questions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("section_id", "integer", (c) => c.notNull().references("survey_sections.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) =>
      c.notNull().check(sql`type in ('agreement', 'satisfaction', 'single_choice', 'multiple_choice', 'free_text')`),
    )
    .addColumn("text_ja", "text", (c) => c.notNull())
    .addColumn("text_en", "text", (c) => c.notNull())
    .addColumn("required", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("max_choices", "integer")
    .addColumn("eligible_employment_types", "text")
    // A follow-up: shown only when the named earlier question got one of these option values (JSON array).
    .addColumn("show_if_question_id", "integer", (c) => c.references("survey_questions.id"))
    .addColumn("show_if_values", "text")
    .addUniqueConstraint("survey_questions_code_unique", ["survey_id", "code"])
    .execute();
  await db.schema.createIndex("survey_questions_section_idx").on("survey_questions").columns(["section_id", "position"]).execute();

  await db.schema
    .createTable("question_options")
    .addColumn("question_id", "integer", (c) => c.notNull().references("survey_questions.id").onDelete("cascade"))
    .addColumn("value", "integer", (c) => c.notNull())
    .addColumn("label_ja", "text", (c) => c.notNull())
    .addColumn("label_en", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("question_options_pk", ["question_id", "value"])
    .execute();

  await db.schema
    .createTable("survey_outcomes")
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('direct', 'intermediate')`))
    .addColumn("name_ja", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    // JSON array of the intermediate outcome codes a direct outcome feeds.
    .addColumn("feeds", "text", (c) => c.notNull().defaultTo("[]"))
    .addPrimaryKeyConstraint("survey_outcomes_pk", ["survey_id", "code"])
    .execute();

  // KPI values are thousandths (2.577 → 2577): the published figures are exact to 3 decimals.
  await db.schema
    .createTable("question_kpis")
    .addColumn("question_id", "integer", (c) => c.primaryKey().references("survey_questions.id").onDelete("cascade"))
    .addColumn("indicator_ja", "text", (c) => c.notNull())
    .addColumn("indicator_en", "text", (c) => c.notNull())
    .addColumn("outcome_code", "text", (c) => c.notNull())
    .addColumn("baseline_milli", "integer")
    .addColumn("baseline_fiscal_year", "integer")
    .addColumn("target_milli", "integer", (c) => c.notNull())
    .addColumn("target_overridden", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // Eligible staff per department (部) when the survey opened: the response-rate denominators.
  await db.schema
    .createTable("survey_eligible_counts")
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("eligible", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_eligible_counts_pk", ["survey_id", "department"])
    .execute();

  // Who has answered (one per person), with no time and no link to the answers. Keyed by
  // (survey, staff) without a rowid, so the storage order says nothing about the order of answering.
  await sql`create table survey_participation (
    survey_id integer not null references surveys(id) on delete cascade,
    staff_id integer not null references staff(id),
    primary key (survey_id, staff_id)
  ) without rowid`.execute(db);

  // The answers, keyed by a random id (no insertion order), dated to the day only, carrying the
  // respondent's group snapshot as the city reports it and nothing that names them.
  await sql`create table survey_responses (
    id text not null primary key,
    survey_id integer not null references surveys(id) on delete cascade,
    submitted_on text not null,
    source text not null check (source in ('web', 'import')),
    department text,
    job_level text,
    age_band text,
    employment_type text
  ) without rowid`.execute(db);
  await db.schema.createIndex("survey_responses_survey_idx").on("survey_responses").column("survey_id").execute();

  await sql`create table response_answers (
    response_id text not null references survey_responses(id) on delete cascade,
    question_id integer not null references survey_questions(id) on delete cascade,
    value integer not null,
    text_value text,
    primary key (response_id, question_id, value)
  ) without rowid`.execute(db);
  await db.schema.createIndex("response_answers_question_idx").on("response_answers").column("question_id").execute();

  // Running totals kept in the same transaction as each response, so results read a few hundred
  // rows however many thousands answered. dimension 'all' has the group ''.
  await db.schema
    .createTable("answer_tallies")
    .addColumn("question_id", "integer", (c) => c.notNull().references("survey_questions.id").onDelete("cascade"))
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("value", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("answer_tallies_pk", ["question_id", "dimension", "group_name", "value"])
    .execute();

  await db.schema
    .createTable("respondent_tallies")
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("respondent_tallies_pk", ["survey_id", "dimension", "group_name"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "respondent_tallies",
    "answer_tallies",
    "response_answers",
    "survey_responses",
    "survey_participation",
    "survey_eligible_counts",
    "question_kpis",
    "survey_outcomes",
    "question_options",
    "survey_questions",
    "survey_sections",
    "surveys",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
