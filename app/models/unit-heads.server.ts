import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { headedUnit, mayViewUnit } from "~/domain/survey/unit-scope";
import type { SessionUser } from "~/models/session.server";
import type { Db } from "~/utils/db.server";
import type { ActionScope } from "./actions.server";
import { type Actor, recordAudit } from "./audit.server";

/**
 * The units whose results a person may see: the 部 of a 部長 or the 課 of a 課長 (from the roster's
 * department and job level), and any unit HR granted them. Active staff only.
 */
export async function headedUnits(db: Db, staffId: number): Promise<string[]> {
  const [own, granted] = await Promise.all([
    db
      .selectFrom("staff")
      .innerJoin("departments", "departments.id", "staff.department_id")
      .select(["departments.path", "staff.job_level_code"])
      .where("staff.id", "=", staffId)
      .where("staff.active", "=", 1)
      .executeTakeFirst(),
    db
      .selectFrom("unit_heads")
      .innerJoin("departments", "departments.id", "unit_heads.department_id")
      .innerJoin("staff", "staff.id", "unit_heads.staff_id")
      .select("departments.path")
      .where("unit_heads.staff_id", "=", staffId)
      .where("staff.active", "=", 1)
      .execute(),
  ]);
  if (!own) return [];
  const units = [headedUnit(own.path, own.job_level_code), ...granted.map((row) => row.path)].filter((unit): unit is string => unit !== null);
  return [...new Set(units)].sort();
}

/** HR sees and records every action; a unit head those of their units; anyone else nothing (null). */
export async function actionScopeFor(db: Db, user: SessionUser): Promise<ActionScope | null> {
  if (user.role === "hr" || user.role === "admin") return { kind: "all" };
  const units = await headedUnits(db, user.id);
  return units.length > 0 ? { kind: "units", units } : null;
}

/** HR lets someone see a unit's results (an acting head, a deputy), audited. */
export async function grantUnitHead(db: Kysely<Database>, actor: Actor, employeeNumber: string, departmentPath: string, now = new Date()): Promise<boolean> {
  const [person, department] = await Promise.all([
    db.selectFrom("staff").select("id").where("employee_number", "=", employeeNumber).executeTakeFirst(),
    db.selectFrom("departments").select("id").where("path", "=", departmentPath).executeTakeFirst(),
  ]);
  if (!person || !department) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("unit_heads")
      .values({ staff_id: person.id, department_id: department.id, granted_by: actor.id, granted_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(trx, actor, "unit_head.grant", { employee: employeeNumber, unit: departmentPath }, null, now);
  });
  return true;
}

/** HR may see any unit's results; a unit head their units and below; nobody else any. */
export async function mayViewUnitResults(db: Db, user: SessionUser, unit: string): Promise<boolean> {
  const scope = await actionScopeFor(db, user);
  if (!scope) return false;
  return scope.kind === "all" || mayViewUnit(scope.units, unit);
}
