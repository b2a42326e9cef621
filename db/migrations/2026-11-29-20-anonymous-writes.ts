import { type Kysely, sql } from "kysely";

// Frozen in time: this file must not import app code.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The dimensions a survey reports by and how far each is generalised (JSON, fixed at open);
  // null keeps the earlier reporting: 部, job level, age band and employment type as they are.
  await sql`alter table surveys add column report_dimensions text`.execute(db);
  // When the survey was first opened to staff; answers can be imported only into one never opened.
  await sql`alter table surveys add column opened_at text`.execute(db);
  await sql`update surveys set opened_at = updated_at
    where status = 'open'
       or exists (select 1 from survey_eligible_counts e where e.survey_id = surveys.id)
       or exists (select 1 from survey_participation p where p.survey_id = surveys.id)`.execute(db);

  // For each combination of generalised groups present in the roster at open, the combination a
  // response stores instead (some dimensions withheld so that at least k staff share it), and
  // how many staff share it. Combinations only: nothing here names a person.
  await sql`create table survey_reporting_groups (
    survey_id integer not null references surveys(id) on delete cascade,
    combination text not null,
    department text,
    job_level text,
    age_band text,
    employment_type text,
    staff_count integer not null,
    primary key (survey_id, combination)
  ) without rowid`.execute(db);

  // An answers file being imported: its rows are written in short slices while the batch is
  // pending (invisible to results and exports), then published in one short transaction.
  await db.schema
    .createTable("response_import_batches")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("survey_id", "integer", (c) => c.notNull().references("surveys.id").onDelete("cascade"))
    .addColumn("content_sha256", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('pending', 'published')`))
    .addColumn("row_count", "integer", (c) => c.notNull().defaultTo(0))
    // The process writing a pending batch: when it is gone, the batch is abandoned.
    .addColumn("owner_pid", "integer", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await sql`create unique index response_import_batches_published_file
    on response_import_batches (survey_id, content_sha256) where state = 'published'`.execute(db);

  await sql`alter table survey_responses add column import_batch_id integer references response_import_batches(id)`.execute(db);
  await sql`create index survey_responses_import_batch_idx on survey_responses (import_batch_id) where import_batch_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index survey_responses_import_batch_idx`.execute(db);
  await sql`alter table survey_responses drop column import_batch_id`.execute(db);
  await db.schema.dropTable("response_import_batches").execute();
  await db.schema.dropTable("survey_reporting_groups").execute();
  await sql`alter table surveys drop column opened_at`.execute(db);
  await sql`alter table surveys drop column report_dimensions`.execute(db);
}
