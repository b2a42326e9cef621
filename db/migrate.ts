import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m20261121_01_organisation from "./migrations/2026-11-21-01-organisation";
import * as m20261121_02_surveys from "./migrations/2026-11-21-02-surveys";
import * as m20261121_03_imessages from "./migrations/2026-11-21-03-imessages";
import * as m20261121_04_question_respondents from "./migrations/2026-11-21-04-question-respondents";
import * as m20261129_20_anonymous_writes from "./migrations/2026-11-29-20-anonymous-writes";
import * as m20261129_30_account_security from "./migrations/2026-11-29-30-account-security";
import * as m20261129_50_action_plans from "./migrations/2026-11-29-50-action-plans";
import * as m20261129_70_free_text_index from "./migrations/2026-11-29-70-free-text-index";
import * as m20261129_60_notifications from "./migrations/2026-11-29-60-notifications";
import * as m20261129_61_report_dismissal from "./migrations/2026-11-29-61-report-dismissal";
import * as m20261130_20_survey_structure_version from "./migrations/2026-11-30-20-survey-structure-version";
import * as m20261130_30_encoded_answers from "./migrations/2026-11-30-30-encoded-answers";

/**
 * Migrations are listed here rather than read from the folder at run time, so the same list works
 * under tsx, vitest and a bundled build alike. Names sort in the order they were written.
 */
const migrations: Record<string, Migration> = {
  "2026-11-21-01-organisation": m20261121_01_organisation,
  "2026-11-21-02-surveys": m20261121_02_surveys,
  "2026-11-21-03-imessages": m20261121_03_imessages,
  "2026-11-21-04-question-respondents": m20261121_04_question_respondents,
  "2026-11-29-20-anonymous-writes": m20261129_20_anonymous_writes,
  "2026-11-29-30-account-security": m20261129_30_account_security,
  "2026-11-29-50-action-plans": m20261129_50_action_plans,
  "2026-11-29-70-free-text-index": m20261129_70_free_text_index,
  "2026-11-29-60-notifications": m20261129_60_notifications,
  "2026-11-29-61-report-dismissal": m20261129_61_report_dismissal,
  "2026-11-30-20-survey-structure-version": m20261130_20_survey_structure_version,
  "2026-11-30-30-encoded-answers": m20261130_30_encoded_answers,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  // Migration numbers are ranges handed to branches that land in any order: a database migrated
  // before a lower-numbered migration landed takes it next, instead of refusing to start.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
