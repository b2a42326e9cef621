import type { Kysely } from "kysely";
import type { Database, Survey } from "#db/schema";
import { isWithinUnit } from "~/domain/survey/unit-scope";
import type { Db } from "~/utils/db.server";
import { type ActionView, listActions } from "./actions.server";
import { type Actor, recordAudit } from "./audit.server";
import { surveyDisclosure } from "./disclosure.server";
import { storedDepartmentOf } from "./reporting-groups.server";
import { type QuestionResult, getSurveyResults } from "./results.server";
import { findSurvey } from "./surveys.server";

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
  const survey = await findSurvey(db, code);
  if (!survey) throw new PublicationError("unknown_survey");
  if (survey.status !== "closed") throw new PublicationError("survey_not_closed");
  if (!(await surveyDisclosure(db, survey)).figures.shown) throw new PublicationError("no_figures");
  const surveyId = survey.id;
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
  /** Ward-level figures as the gate gives them (a question it withholds is marked and has none). */
  questions: QuestionResult[];
  /** The reader's own unit as the survey reported it, when the gate shows that group. */
  ownUnit: { group: string; respondents: number; questions: QuestionResult[] } | null;
  actions: ActionView[];
}

/**
 * The reader's department group in a survey's figures. Answers given on the web count under the
 * group fixed for the reader's combination when the survey opened (none if that was withheld); for
 * a survey of imported past answers, whose groups the file gave, it is the group that is or contains
 * the reader's department.
 */
async function ownDepartmentGroup(
  db: Db,
  survey: Survey,
  reader: { id: number; departmentPath: string | null },
  groupNames: readonly string[],
): Promise<string | null> {
  if (survey.opened_at !== null) return storedDepartmentOf(db, survey, reader.id);
  const path = reader.departmentPath;
  return path === null ? null : (groupNames.find((group) => isWithinUnit(path, group)) ?? null);
}

/**
 * What staff see of a published survey: the summary, the ward's KPI figures, their own unit's where
 * the disclosure gate shows it, and the actions taken (ward-wide and their unit's). Null when the
 * survey is not published or the gate gives no figures for it.
 */
export async function sharedSummary(db: Db, code: string, reader: { id: number }): Promise<SharedSummary | null> {
  const results = await getSurveyResults(db, code, "department");
  if (!results?.figures) return null;
  const { survey } = results.definition;
  const { figures } = results;
  const publication = await findPublication(db, survey.id);
  if (!publication) return null;
  const groups = figures.breakdown?.groups ?? [];
  const departmentPath = await departmentPathOf(db, reader.id);
  const [ownGroup, actions] = await Promise.all([
    ownDepartmentGroup(
      db,
      survey,
      { id: reader.id, departmentPath },
      groups.map((group) => group.group),
    ),
    listActions(db, survey.id, { kind: "all" }),
  ]);
  const own = groups.find((group) => group.group === ownGroup);
  return {
    survey: { code: survey.code, title_ja: survey.title_ja, title_en: survey.title_en, fiscal_year: survey.fiscal_year, min_group_size: survey.min_group_size },
    publication: { summary_ja: publication.summary_ja, summary_en: publication.summary_en, published_at: publication.published_at },
    questions: figures.questions,
    ownUnit: own && !own.suppressed ? { group: own.group, respondents: own.respondents, questions: own.questions } : null,
    actions: actions.filter((action) => action.unitPath === null || (departmentPath !== null && isWithinUnit(departmentPath, action.unitPath))),
  };
}

/** The department path of an active staff member: which unit's actions concern them. */
async function departmentPathOf(db: Db, staffId: number): Promise<string | null> {
  const row = await db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .select("departments.path")
    .where("staff.id", "=", staffId)
    .where("staff.active", "=", 1)
    .executeTakeFirst();
  return row?.path ?? null;
}
