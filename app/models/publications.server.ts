import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isWithinUnit } from "~/domain/survey/unit-scope";
import type { Db } from "~/utils/db.server";
import { type ActionView, listActions } from "./actions.server";
import { type Actor, recordAudit } from "./audit.server";
import { readDisclosedResults } from "./disclosed-results.server";
import type { QuestionResult } from "./results.server";

export class PublicationError extends Error {
  constructor(readonly reason: "unknown_survey" | "survey_not_closed" | "no_figures") {
    super(reason);
  }
}

/**
 * HR shares a closed survey's summary with staff (publishing again replaces the text). Only a
 * survey whose figures may be shown can be published; audited in the same transaction.
 */
export async function publishSummary(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  summary: { ja: string; en: string },
  now = new Date(),
): Promise<void> {
  const disclosed = await readDisclosedResults(db, code, null);
  if (!disclosed) throw new PublicationError("unknown_survey");
  if (disclosed.survey.status !== "closed") throw new PublicationError("survey_not_closed");
  if (!disclosed.figures) throw new PublicationError("no_figures");
  const surveyId = disclosed.survey.id;
  await db.transaction().execute(async (trx) => {
    const row = { summary_ja: summary.ja, summary_en: summary.en, published_by: actor.id, published_at: now.toISOString() };
    await trx
      .insertInto("survey_publications")
      .values({ survey_id: surveyId, ...row })
      .onConflict((oc) => oc.column("survey_id").doUpdateSet(row))
      .execute();
    await recordAudit(trx, actor, "survey.publish", { survey: code }, null, now);
  });
}

export async function findPublication(db: Db, surveyId: number) {
  return db.selectFrom("survey_publications").selectAll().where("survey_id", "=", surveyId).executeTakeFirst();
}

/** Published surveys, newest first, for staff. */
export async function listPublished(db: Db) {
  return db
    .selectFrom("survey_publications")
    .innerJoin("surveys", "surveys.id", "survey_publications.survey_id")
    .select(["surveys.code", "surveys.title_ja", "surveys.title_en", "surveys.fiscal_year", "survey_publications.published_at"])
    .orderBy("surveys.fiscal_year", "desc")
    .orderBy("surveys.id", "desc")
    .execute();
}

export interface SharedSummary {
  survey: { code: string; title_ja: string; title_en: string; fiscal_year: number; min_group_size: number };
  publication: { summary_ja: string; summary_en: string; published_at: string };
  /** Ward-level figures of the questions answered by at least the minimum. */
  questions: QuestionResult[];
  /** The reader's own unit (the reported group that is or contains their department), when shown. */
  ownUnit: { group: string; respondents: number; questions: QuestionResult[] } | null;
  actions: ActionView[];
}

/**
 * What staff see of a published survey: the summary, the ward's KPI figures, their own unit's where
 * the disclosure rules show it, and the actions taken (ward-wide and their unit's). Null when the
 * survey is not published or its figures may not be shown.
 */
export async function sharedSummary(db: Db, code: string, departmentPath: string | null): Promise<SharedSummary | null> {
  const disclosed = await readDisclosedResults(db, code, "department");
  if (!disclosed?.figures) return null;
  const { survey, results } = disclosed;
  const publication = await findPublication(db, survey.id);
  if (!publication) return null;
  const minimum = survey.min_group_size;
  const shownQuestions = (questions: QuestionResult[]) => questions.filter((question) => question.n >= minimum);
  const own = departmentPath === null ? undefined : results.breakdown?.groups.find((group) => isWithinUnit(departmentPath, group.group));
  const actions = await listActions(db, survey.id, { kind: "all" });
  return {
    survey: { code: survey.code, title_ja: survey.title_ja, title_en: survey.title_en, fiscal_year: survey.fiscal_year, min_group_size: minimum },
    publication: { summary_ja: publication.summary_ja, summary_en: publication.summary_en, published_at: publication.published_at },
    questions: shownQuestions(results.questions),
    ownUnit: own && !own.suppressed ? { group: own.group, respondents: own.respondents, questions: shownQuestions(own.questions) } : null,
    actions: actions.filter((action) => action.unitPath === null || (departmentPath !== null && isWithinUnit(departmentPath, action.unitPath))),
  };
}

/** The department path of an active staff member, for picking their own unit's figures. */
export async function departmentPathOf(db: Db, staffId: number): Promise<string | null> {
  const row = await db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .select("departments.path")
    .where("staff.id", "=", staffId)
    .where("staff.active", "=", 1)
    .executeTakeFirst();
  return row?.path ?? null;
}
