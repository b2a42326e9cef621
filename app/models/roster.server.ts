import type { Role } from "#db/schema";
import { tokyoDate } from "~/domain/dates";
import {
  type ImportRules,
  type RosterIssue,
  type RosterPlan,
  type RosterPreparation,
  type RosterReference,
  type StaffSnapshot,
  type StaffValues,
  MAX_DEPARTMENT_DEPTH,
  departmentAncestry,
  prepareRosterImport,
  staffSearchTerms,
} from "~/domain/roster";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { deleteSessionsOf } from "./session.server";

/** Rows per statement: well under SQLite's bound-parameter limit with 13 columns a row. */
const BATCH_SIZE = 200;

function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/* ---------- reading ---------- */

export async function loadRosterReference(db: Db): Promise<RosterReference> {
  const [jobLevels, employmentTypes] = await Promise.all([
    db.selectFrom("job_levels").select(["code", "name_ja as nameJa", "name_en as nameEn"]).orderBy("sort_order").execute(),
    db.selectFrom("employment_types").select(["code", "name_ja as nameJa", "name_en as nameEn"]).orderBy("sort_order").execute(),
  ]);
  return { jobLevels, employmentTypes };
}

/** Everything an import is checked and compared against. */
export async function loadRosterSnapshot(db: Db): Promise<{ reference: RosterReference; staff: StaffSnapshot[] }> {
  const [reference, rows] = await Promise.all([
    loadRosterReference(db),
    db
      .selectFrom("staff")
      .innerJoin("departments", "departments.id", "staff.department_id")
      .select([
        "staff.id",
        "staff.employee_number as employeeNumber",
        "staff.name",
        "staff.name_kana as nameKana",
        "staff.email",
        "departments.path as departmentPath",
        "staff.job_level_code as jobLevelCode",
        "staff.employment_type_code as employmentTypeCode",
        "staff.birth_year as birthYear",
        "staff.supervisor_number as supervisorNumber",
        "staff.role",
        "staff.active",
      ])
      .execute(),
  ]);
  return { reference, staff: rows.map((row) => ({ ...row, active: row.active === 1 })) };
}

export type StaffStatus = "active" | "inactive" | "all";

export interface StaffSearch {
  /** Part of a name or kana, or the start of an employee number. */
  query?: string | undefined;
  departmentId?: number | undefined;
  status: StaffStatus;
  page: number;
  pageSize: number;
}

/** LIKE's wildcards in a search box mean themselves, never "anything"; names and numbers do not contain them. */
function likeSafe(term: string): string {
  return term.replace(/[%_\\]/g, "");
}

export async function searchStaff(db: Db, search: StaffSearch) {
  const department =
    search.departmentId === undefined
      ? undefined
      : await db.selectFrom("departments").select("path").where("id", "=", search.departmentId).executeTakeFirst();

  let query = db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .innerJoin("job_levels", "job_levels.code", "staff.job_level_code")
    .innerJoin("employment_types", "employment_types.code", "staff.employment_type_code");
  if (search.status !== "all") query = query.where("staff.active", "=", search.status === "active" ? 1 : 0);
  if (search.departmentId !== undefined) {
    const path = department?.path;
    // A department includes its sub-units: "a" matches "a" and every path from "a/" up to (not including) "a0".
    query = path
      ? query.where((eb) =>
          eb.or([
            eb("departments.path", "=", path),
            eb.and([eb("departments.path", ">", `${path}/`), eb("departments.path", "<", `${path}0`)]),
          ]),
        )
      : query.where("departments.id", "=", search.departmentId);
  }
  const terms = staffSearchTerms(likeSafe(search.query ?? ""));
  if (terms.text !== "") {
    query = query.where((eb) =>
      eb.or([
        eb("staff.name", "like", `%${terms.text}%`),
        eb("staff.name_kana", "like", `%${terms.kana}%`),
        eb("staff.employee_number", "like", `${terms.employeeNumberPrefix}%`),
      ]),
    );
  }

  const [count, staff] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
    query
      .select([
        "staff.employee_number as employeeNumber",
        "staff.name",
        "staff.name_kana as nameKana",
        "departments.path as departmentPath",
        "job_levels.name_ja as jobLevelJa",
        "job_levels.name_en as jobLevelEn",
        "employment_types.name_ja as employmentTypeJa",
        "employment_types.name_en as employmentTypeEn",
        "staff.role",
        "staff.active",
      ])
      .orderBy("departments.path")
      .orderBy("job_levels.sort_order")
      .orderBy("staff.name_kana")
      .orderBy("staff.employee_number")
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
  ]);
  return { total: Number(count.total), staff };
}

export async function listDepartments(db: Db) {
  return db.selectFrom("departments").select(["id", "path", "depth"]).orderBy("path").execute();
}

export async function getStaffDetail(db: Db, employeeNumber: string) {
  return db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .innerJoin("job_levels", "job_levels.code", "staff.job_level_code")
    .innerJoin("employment_types", "employment_types.code", "staff.employment_type_code")
    .leftJoin("staff as supervisor", "supervisor.employee_number", "staff.supervisor_number")
    .select([
      "staff.id",
      "staff.employee_number as employeeNumber",
      "staff.name",
      "staff.name_kana as nameKana",
      "staff.email",
      "departments.path as departmentPath",
      "job_levels.name_ja as jobLevelJa",
      "job_levels.name_en as jobLevelEn",
      "employment_types.name_ja as employmentTypeJa",
      "employment_types.name_en as employmentTypeEn",
      "staff.birth_year as birthYear",
      "staff.supervisor_number as supervisorNumber",
      "supervisor.name as supervisorName",
      "staff.role",
      "staff.active",
    ])
    .where("staff.employee_number", "=", employeeNumber)
    .executeTakeFirst();
}

/* ---------- importing ---------- */

export interface ImportOptions {
  deactivateMissing: boolean;
  canChangeRoles: boolean;
  /** The person importing through the browser, whose own account an import cannot touch; null for the CLI. */
  actingEmployeeNumber: string | null;
}

function rulesAt(options: ImportOptions, now: Date): ImportRules {
  return { ...options, currentYear: Number(tokyoDate(now).slice(0, 4)) };
}

/** What an import would do, without doing it (for the preview page), with the names its codes stand for. */
export async function previewRosterImport(
  db: Db,
  text: string,
  options: ImportOptions,
  now = new Date(),
): Promise<{ reference: RosterReference; preparation: RosterPreparation }> {
  const snapshot = await loadRosterSnapshot(db);
  return { reference: snapshot.reference, preparation: prepareRosterImport(text, snapshot, rulesAt(options, now)) };
}

export interface ImportSummary {
  added: number;
  changed: number;
  deactivated: number;
  unchanged: number;
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; issues: RosterIssue[] };

/** Department ids by path, creating whichever levels do not exist yet, parents first. */
async function ensureDepartments(db: Db, paths: Iterable<string>, now: Date): Promise<Map<string, number>> {
  const wanted = [...new Set([...paths].flatMap(departmentAncestry))];
  const idOf = new Map<string, number>();
  for (const batch of batches(wanted)) {
    const found = await db.selectFrom("departments").select(["id", "path"]).where("path", "in", batch).execute();
    for (const department of found) idOf.set(department.path, department.id);
  }
  const missing = wanted.filter((path) => !idOf.has(path));
  for (let depth = 1; depth <= MAX_DEPARTMENT_DEPTH; depth++) {
    const atDepth = missing.filter((path) => path.split("/").length === depth);
    for (const batch of batches(atDepth)) {
      const created = await db
        .insertInto("departments")
        .values(
          batch.map((path) => {
            const levels = path.split("/");
            const parentPath = levels.slice(0, -1).join("/");
            return {
              parent_id: depth === 1 ? null : (idOf.get(parentPath) ?? null),
              name: levels.at(-1) ?? path,
              path,
              depth,
              created_at: now.toISOString(),
            };
          }),
        )
        .returning(["id", "path"])
        .execute();
      for (const department of created) idOf.set(department.path, department.id);
    }
  }
  return idOf;
}

async function upsertStaff(db: Db, people: readonly StaffValues[], departmentIds: Map<string, number>, now: Date) {
  const stamp = now.toISOString();
  const departmentIdOf = (path: string) => {
    const id = departmentIds.get(path);
    if (id === undefined) throw new Error(`Department ${path} was not created before its staff.`);
    return id;
  };
  for (const batch of batches(people)) {
    await db
      .insertInto("staff")
      .values(
        batch.map((person) => ({
          employee_number: person.employeeNumber,
          name: person.name,
          name_kana: person.nameKana,
          email: person.email,
          department_id: departmentIdOf(person.departmentPath),
          job_level_code: person.jobLevelCode,
          employment_type_code: person.employmentTypeCode,
          birth_year: person.birthYear,
          supervisor_number: person.supervisorNumber,
          role: person.role,
          active: 1,
          created_at: stamp,
          updated_at: stamp,
        })),
      )
      .onConflict((oc) =>
        oc.column("employee_number").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          name_kana: eb.ref("excluded.name_kana"),
          email: eb.ref("excluded.email"),
          department_id: eb.ref("excluded.department_id"),
          job_level_code: eb.ref("excluded.job_level_code"),
          employment_type_code: eb.ref("excluded.employment_type_code"),
          birth_year: eb.ref("excluded.birth_year"),
          supervisor_number: eb.ref("excluded.supervisor_number"),
          role: eb.ref("excluded.role"),
          active: eb.ref("excluded.active"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** Deactivated staff are signed out at once; their data stays for past survey periods. */
async function deactivateStaff(db: Db, people: readonly StaffSnapshot[], now: Date) {
  for (const batch of batches(people.map((person) => person.id))) {
    await db.updateTable("staff").set({ active: 0, updated_at: now.toISOString() }).where("id", "in", batch).execute();
    await deleteSessionsOf(db, batch);
  }
}

function summarise(plan: RosterPlan): ImportSummary {
  return {
    added: plan.added.length,
    changed: plan.changed.length,
    deactivated: plan.deactivated.length,
    unchanged: plan.unchangedCount,
  };
}

/**
 * Validates the file against the roster as it is inside the transaction and applies it whole, or
 * changes nothing and returns every problem. The plan is always computed here, never taken from a client.
 */
export async function applyRosterImport(
  db: Db,
  text: string,
  options: ImportOptions,
  actor: Actor,
  now = new Date(),
): Promise<ImportOutcome> {
  return db.transaction().execute(async (trx): Promise<ImportOutcome> => {
    const preparation = prepareRosterImport(text, await loadRosterSnapshot(trx), rulesAt(options, now));
    if (!preparation.ok) return preparation;
    const { plan } = preparation;
    const written = [...plan.added, ...plan.changed.map((change) => change.after)];
    const departmentIds = await ensureDepartments(
      trx,
      written.map((person) => person.departmentPath),
      now,
    );
    await upsertStaff(trx, written, departmentIds, now);
    await deactivateStaff(trx, plan.deactivated, now);
    const summary = summarise(plan);
    await recordAudit(trx, actor, "roster.import", { ...summary, deactivateMissing: options.deactivateMissing }, written.length + plan.deactivated.length, now);
    return { ok: true, summary };
  });
}

/* ---------- roles ---------- */

export type SetRoleResult = { ok: true } | { ok: false; reason: "notFound" | "ownAdminRole" };

/** Only for administrators (the caller checks); nobody can take away their own admin role and lock everyone out. */
export async function setRole(db: Db, employeeNumber: string, role: Role, actor: Actor, now = new Date()): Promise<SetRoleResult> {
  return db.transaction().execute(async (trx): Promise<SetRoleResult> => {
    const person = await trx.selectFrom("staff").select(["id", "role"]).where("employee_number", "=", employeeNumber).executeTakeFirst();
    if (!person) return { ok: false, reason: "notFound" };
    if (person.id === actor.id && person.role === "admin" && role !== "admin") return { ok: false, reason: "ownAdminRole" };
    if (person.role === role) return { ok: true };
    await trx.updateTable("staff").set({ role, updated_at: now.toISOString() }).where("id", "=", person.id).execute();
    await recordAudit(trx, actor, "staff.set_role", { employeeNumber, from: person.role, to: role }, 1, now);
    return { ok: true };
  });
}
