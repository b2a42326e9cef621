import type { Kysely } from "kysely";
import type { ActionStatus, Database } from "#db/schema";
import { type ActionTarget, type KpiChange, kpiChanges, targetedKpis } from "~/domain/survey/action-evaluation";
import { isWithinUnit } from "~/domain/survey/unit-scope";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { disclosedMeans } from "./disclosed-results.server";
import { getSurveyResults } from "./results.server";
import { findSurvey } from "./surveys.server";

export class ActionError extends Error {
  constructor(readonly reason: "unknown_survey" | "survey_not_closed" | "unknown_target" | "unknown_action" | "outside_unit") {
    super(reason);
  }
}

export interface NewAction {
  title: string;
  owner: string;
  dueOn: string;
  status: ActionStatus;
  unitPath: string | null;
  targets: ActionTarget[];
}

export interface ActionView extends NewAction {
  id: number;
  /** The KPIs targeted directly or through an outcome, in question order. */
  kpiCodes: string[];
}

/**
 * Who may see or record which actions: HR every action; a unit head ward-wide actions and those of
 * their units (and below), and may record only for their units.
 */
export type ActionScope = { kind: "all" } | { kind: "units"; units: readonly string[] };

const inScope = (scope: ActionScope, unitPath: string | null) =>
  scope.kind === "all" || unitPath === null || scope.units.some((unit) => isWithinUnit(unitPath, unit));

async function surveyKpis(db: Db, surveyId: number) {
  return db
    .selectFrom("survey_questions")
    .innerJoin("question_kpis", "question_kpis.question_id", "survey_questions.id")
    .select(["survey_questions.code", "question_kpis.outcome_code as outcomeCode"])
    .where("survey_questions.survey_id", "=", surveyId)
    .orderBy("survey_questions.position")
    .execute();
}

/** A survey's actions that the scope may see, oldest first, each with its targets. */
export async function listActions(db: Db, surveyId: number, scope: ActionScope): Promise<ActionView[]> {
  const [rows, targets, kpis] = await Promise.all([
    db.selectFrom("survey_actions").selectAll().where("survey_id", "=", surveyId).orderBy("id").execute(),
    db
      .selectFrom("survey_action_targets")
      .innerJoin("survey_actions", "survey_actions.id", "survey_action_targets.action_id")
      .select(["survey_action_targets.action_id", "survey_action_targets.kind", "survey_action_targets.code"])
      .where("survey_actions.survey_id", "=", surveyId)
      .orderBy("survey_action_targets.kind")
      .orderBy("survey_action_targets.code")
      .execute(),
    surveyKpis(db, surveyId),
  ]);
  return rows
    .filter((row) => inScope(scope, row.unit_path))
    .map((row) => {
      const own = targets.filter((target) => target.action_id === row.id).map(({ kind, code }) => ({ kind, code }));
      return {
        id: row.id,
        title: row.title,
        owner: row.owner,
        dueOn: row.due_on,
        status: row.status,
        unitPath: row.unit_path,
        targets: own,
        kpiCodes: targetedKpis(own, kpis),
      };
    });
}

/** Records an action on a closed survey's results, its targets and the audit entry, all together. */
export async function createAction(
  db: Kysely<Database>,
  actor: Actor,
  surveyCode: string,
  input: NewAction,
  scope: ActionScope,
  now = new Date(),
): Promise<number> {
  if (!inScope(scope, input.unitPath) || (scope.kind === "units" && input.unitPath === null)) throw new ActionError("outside_unit");
  return db.transaction().execute(async (trx) => {
    const survey = await trx.selectFrom("surveys").select(["id", "status"]).where("code", "=", surveyCode).executeTakeFirst();
    if (!survey) throw new ActionError("unknown_survey");
    if (survey.status !== "closed") throw new ActionError("survey_not_closed");
    const [kpis, outcomes] = await Promise.all([
      surveyKpis(trx, survey.id),
      trx.selectFrom("survey_outcomes").select("code").where("survey_id", "=", survey.id).execute(),
    ]);
    const known = (target: ActionTarget) =>
      target.kind === "kpi" ? kpis.some((kpi) => kpi.code === target.code) : outcomes.some((outcome) => outcome.code === target.code);
    if (!input.targets.every(known)) throw new ActionError("unknown_target");
    const stamp = now.toISOString();
    const inserted = await trx
      .insertInto("survey_actions")
      .values({
        survey_id: survey.id,
        title: input.title,
        owner: input.owner,
        due_on: input.dueOn,
        status: input.status,
        unit_path: input.unitPath,
        created_by: actor.id,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("survey_action_targets")
      .values(input.targets.map((target) => ({ action_id: inserted.id, kind: target.kind, code: target.code })))
      .execute();
    await recordAudit(
      trx,
      actor,
      "action.create",
      { survey: surveyCode, action: inserted.id, unit: input.unitPath, targets: input.targets.map((t) => `${t.kind}:${t.code}`) },
      null,
      now,
    );
    return inserted.id;
  });
}

/** Moves an action to a new status (HR, or the head of its unit), audited in the same transaction. */
export async function setActionStatus(
  db: Kysely<Database>,
  actor: Actor,
  actionId: number,
  status: ActionStatus,
  scope: ActionScope,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const action = await trx.selectFrom("survey_actions").select(["id", "unit_path", "status"]).where("id", "=", actionId).executeTakeFirst();
    if (!action) throw new ActionError("unknown_action");
    if (!inScope(scope, action.unit_path) || (scope.kind === "units" && action.unit_path === null)) throw new ActionError("outside_unit");
    await trx.updateTable("survey_actions").set({ status, updated_at: now.toISOString() }).where("id", "=", actionId).execute();
    await recordAudit(trx, actor, "action.status", { action: actionId, from: action.status, to: status }, null, now);
  });
}

export interface EvaluatedAction extends ActionView {
  /** The survey the action was set after. */
  setAfter: { code: string; fiscalYear: number };
  changes: KpiChange[];
}

/**
 * The actions set after the previous survey of this one's series, each with the ward-level change
 * of its KPIs from that survey to this one. Means come through the disclosure gate: a year it gives
 * no figures for (still open, or too few respondents) or a KPI it withholds gives no change.
 */
export async function evaluateEarlierActions(db: Db, surveyCode: string, scope: ActionScope): Promise<EvaluatedAction[]> {
  const current = await findSurvey(db, surveyCode);
  const previousId = current?.previous_survey_id ?? null;
  if (!current || previousId === null) return [];
  const previousSurvey = await db.selectFrom("surveys").select(["code", "fiscal_year"]).where("id", "=", previousId).executeTakeFirst();
  if (!previousSurvey) return [];
  const actions = await listActions(db, previousId, scope);
  if (actions.length === 0) return [];
  const [previous, latest] = await Promise.all([getSurveyResults(db, previousSurvey.code), getSurveyResults(db, surveyCode)]);
  const before = disclosedMeans(previous?.figures ?? null);
  const after = disclosedMeans(latest?.figures ?? null);
  return actions.map((action) => ({
    ...action,
    setAfter: { code: previousSurvey.code, fiscalYear: previousSurvey.fiscal_year },
    changes: kpiChanges(action.kpiCodes, before, after),
  }));
}
