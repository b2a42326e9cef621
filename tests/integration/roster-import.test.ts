import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "#db/schema";
import { UsageError } from "~/commands/command";
import { importRosterCommand } from "~/commands/import-roster";
import { decodeCsvBytes } from "~/domain/csv";
import { cliActor } from "~/models/audit.server";
import { applyRosterImport, previewRosterImport, searchStaff, setRole } from "~/models/roster.server";
import { createSession } from "~/models/session.server";
import { action as importAction, loader as importLoader } from "~/routes/roster.import";
import { action as staffAction } from "~/routes/roster.$employeeNumber";
import { loader as listLoader } from "~/routes/roster._index";
import { MAX_ROSTER_FILE_BYTES } from "~/schemas/roster.server";
import { runCommand } from "../support/cli";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/roster/${name}`, import.meta.url));
const fixtureText = (name: string) => decodeCsvBytes(readFileSync(fixture(name))).text;

const NOW = new Date("2026-11-21T01:00:00Z");
const asAdmin = { deactivateMissing: false, canChangeRoles: true, actingEmployeeNumber: null };
const asHr = { deactivateMissing: false, canChangeRoles: false, actingEmployeeNumber: null };
const hrActor = { id: null, label: "hr-test" };
const HEADER = "employee_id,name,name_kana,email,department,job_level,employment_type,birth_year,supervisor_id,role";

async function tableContents(db: Kysely<Database>) {
  return {
    departments: await db.selectFrom("departments").selectAll().orderBy("id").execute(),
    staff: await db.selectFrom("staff").selectAll().orderBy("id").execute(),
    sessions: await db.selectFrom("sessions").selectAll().orderBy("id_hash").execute(),
    audit: await db.selectFrom("audit_log").selectAll().orderBy("id").execute(),
  };
}

async function staffRows(db: Kysely<Database>) {
  return db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .select([
      "employee_number",
      "staff.name",
      "name_kana",
      "email",
      "departments.path",
      "job_level_code",
      "employment_type_code",
      "birth_year",
      "supervisor_number",
      "role",
      "active",
    ])
    .orderBy("employee_number")
    .execute();
}


describe("importing the roster", async () => {
  const db = await createTestDb();

  it("creates the departments and staff of a first import, and audits counts only", async () => {
    const outcome = await applyRosterImport(db, fixtureText("valid-en.csv"), asAdmin, cliActor, NOW);
    expect(outcome).toEqual({ ok: true, summary: { added: 3, changed: 0, deactivated: 0, unchanged: 0 } });

    const departments = await db.selectFrom("departments").select(["id", "parent_id", "name", "path", "depth"]).orderBy("path").execute();
    const idOf = new Map(departments.map((department) => [department.path, department.id]));
    expect(departments.map(({ id: _id, ...rest }) => rest)).toEqual([
      { parent_id: null, name: "区民部", path: "区民部", depth: 1 },
      { parent_id: idOf.get("区民部"), name: "戸籍住民課", path: "区民部/戸籍住民課", depth: 2 },
      { parent_id: null, name: "総務部", path: "総務部", depth: 1 },
      { parent_id: idOf.get("総務部"), name: "人事課", path: "総務部/人事課", depth: 2 },
      { parent_id: idOf.get("総務部/人事課"), name: "研修係", path: "総務部/人事課/研修係", depth: 3 },
    ]);

    expect(await staffRows(db)).toEqual([
      {
        employee_number: "000101",
        name: "山田\u3000太郎",
        name_kana: "ヤマダ\u3000タロウ",
        email: "yamada@example.lg.jp",
        path: "総務部/人事課",
        job_level_code: "section_chief",
        employment_type_code: "regular",
        birth_year: 1970,
        supervisor_number: null,
        role: "hr",
        active: 1,
      },
      {
        employee_number: "000102",
        name: "佐藤\u3000花子",
        name_kana: "サトウ\u3000ハナコ",
        email: null,
        path: "総務部/人事課/研修係",
        job_level_code: "unit_chief",
        employment_type_code: "regular",
        birth_year: 1982,
        supervisor_number: "000101",
        role: "staff",
        active: 1,
      },
      {
        employee_number: "000103",
        name: "鈴木\u3000一郎",
        name_kana: "スズキ\u3000イチロウ",
        email: null,
        path: "区民部/戸籍住民課",
        job_level_code: "staff",
        employment_type_code: "fiscal_year",
        birth_year: 1995,
        supervisor_number: "000101",
        role: "staff",
        active: 1,
      },
    ]);

    const audit = await db.selectFrom("audit_log").selectAll().execute();
    expect(audit.map(({ id: _id, ...entry }) => entry)).toEqual([
      {
        actor_id: null,
        actor_label: "cli",
        action: "roster.import",
        detail: JSON.stringify({ added: 3, changed: 0, deactivated: 0, unchanged: 0, deactivateMissing: false }),
        row_count: 3,
        created_at: NOW.toISOString(),
      },
    ]);
  });

  it("previews a Shift_JIS re-import with Japanese headers as field changes, then upserts it", async () => {
    const text = fixtureText("valid-ja-cp932.csv");
    const preview = await previewRosterImport(db, text, asAdmin, NOW);
    expect(preview.preparation.ok).toBe(true);
    if (!preview.preparation.ok) return;
    const { plan } = preview.preparation;
    expect(plan.added.map((person) => [person.employeeNumber, person.name, person.departmentPath, person.jobLevelCode])).toEqual([
      ["000104", "髙橋\u3000美咲", "総務部/人事課/研修係", "staff"],
    ]);
    // 000101 is as before: the file has no email column, so the email stays.
    expect(plan.changed).toEqual([]);
    expect(plan.unchangedCount).toBe(1);

    const before = await tableContents(db);
    const outcome = await applyRosterImport(db, text, asAdmin, cliActor, NOW);
    expect(outcome).toEqual({ ok: true, summary: { added: 1, changed: 0, deactivated: 0, unchanged: 1 } });
    const after = await tableContents(db);
    expect(after.departments).toEqual(before.departments);
    expect(after.staff).toHaveLength(4);

    const changedText = `${HEADER}\n000103,鈴木 一郎,スズキ イチロウ,suzuki@example.lg.jp,区民部/戸籍住民課/住民記録係,senior_staff,regular,1995,000102,\n`;
    const changes = await previewRosterImport(db, changedText, asAdmin, NOW);
    expect(changes.preparation.ok && changes.preparation.plan.changed.map((change) => change.changes)).toEqual([
      [
        { field: "email", before: null, after: "suzuki@example.lg.jp" },
        { field: "departmentPath", before: "区民部/戸籍住民課", after: "区民部/戸籍住民課/住民記録係" },
        { field: "jobLevelCode", before: "staff", after: "senior_staff" },
        { field: "employmentTypeCode", before: "fiscal_year", after: "regular" },
        { field: "supervisorNumber", before: "000101", after: "000102" },
      ],
    ]);
    expect(await applyRosterImport(db, changedText, asAdmin, cliActor, NOW)).toEqual({
      ok: true,
      summary: { added: 0, changed: 1, deactivated: 0, unchanged: 0 },
    });
    const suzuki = (await staffRows(db)).find((row) => row.employee_number === "000103");
    expect(suzuki).toMatchObject({
      email: "suzuki@example.lg.jp",
      path: "区民部/戸籍住民課/住民記録係",
      job_level_code: "senior_staff",
      employment_type_code: "regular",
      supervisor_number: "000102",
    });
  });

  it("changes nothing at all when one row is bad, and says where", async () => {
    const before = await tableContents(db);
    const outcome = await applyRosterImport(db, fixtureText("bad-row.csv"), asAdmin, cliActor, NOW);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.issues.map(({ line, column, problem }) => [line, column, problem.code])).toEqual([
      [3, "job_level", "jobLevel"],
    ]);
    expect(await tableContents(db)).toEqual(before);
  });

  it("deactivates staff missing from the file only when asked, and ends their sessions", async () => {
    const takahashi = await db.selectFrom("staff").select("id").where("employee_number", "=", "000104").executeTakeFirstOrThrow();
    await createSession(db, takahashi.id, { idleMinutes: 30, absoluteHours: 12 }, NOW);
    const fileWithout104 = fixtureText("valid-en.csv");

    expect(await applyRosterImport(db, fileWithout104, asAdmin, cliActor, NOW)).toMatchObject({ ok: true, summary: { deactivated: 0 } });
    expect(await db.selectFrom("sessions").select("staff_id").execute()).toEqual([{ staff_id: takahashi.id }]);

    // 000103 was moved by the previous test; the file moves them back.
    const outcome = await applyRosterImport(db, fileWithout104, { ...asAdmin, deactivateMissing: true }, cliActor, NOW);
    expect(outcome).toEqual({ ok: true, summary: { added: 0, changed: 0, deactivated: 1, unchanged: 3 } });
    const statuses = await db.selectFrom("staff").select(["employee_number", "active"]).orderBy("employee_number").execute();
    expect(statuses).toEqual([
      { employee_number: "000101", active: 1 },
      { employee_number: "000102", active: 1 },
      { employee_number: "000103", active: 1 },
      { employee_number: "000104", active: 0 },
    ]);
    expect(await db.selectFrom("sessions").select("staff_id").execute()).toEqual([]);
  });

  it("stops HR, but not administrators, from giving or changing roles", async () => {
    const promote = `${HEADER}\n000102,佐藤 花子,サトウ ハナコ,,総務部/人事課/研修係,unit_chief,regular,1982,000101,admin\n`;
    const before = await tableContents(db);
    const refused = await applyRosterImport(db, promote, asHr, hrActor, NOW);
    expect(refused).toEqual({ ok: false, issues: [{ line: 2, column: "role", problem: { code: "roleChangeForbidden" } }] });
    expect(await tableContents(db)).toEqual(before);

    const newcomer = `${HEADER}\n000200,新井 健,アライ ケン,,総務部,staff,regular,2000,,hr\n`;
    expect(await applyRosterImport(db, newcomer, asHr, hrActor, NOW)).toMatchObject({
      ok: false,
      issues: [{ line: 2, column: "role", problem: { code: "roleChangeForbidden" } }],
    });

    // HR may import the same roles back, and leaving the role empty keeps it.
    const unchangedRoles = `${HEADER}\n000101,山田 太郎,ヤマダ タロウ,yamada@example.lg.jp,総務部/人事課,section_chief,regular,1970,,人事\n000102,佐藤 花子,サトウ ハナコ,,総務部/人事課/研修係,unit_chief,regular,1982,000101,\n`;
    expect(await applyRosterImport(db, unchangedRoles, asHr, hrActor, NOW)).toMatchObject({ ok: true });

    expect(await applyRosterImport(db, promote, asAdmin, cliActor, NOW)).toMatchObject({ ok: true, summary: { changed: 1 } });
    const sato = await db.selectFrom("staff").select("role").where("employee_number", "=", "000102").executeTakeFirstOrThrow();
    expect(sato.role).toBe("admin");
  });
});

describe("import-roster command", async () => {
  const db = await createTestDb();

  it("prints a summary and exits 0", async () => {
    const run = await runCommand(importRosterCommand, db, ["--file", fixture("valid-en.csv")]);
    expect(run).toEqual({ exitCode: 0, stdout: "名簿を取り込みました: 追加 3名、変更 0名、無効化 0名、変更なし 0名\n", stderr: "" });
  });

  it("prints every problem with line and column to stderr, exits 1 and changes nothing", async () => {
    const before = await tableContents(db);
    const run = await runCommand(importRosterCommand, db, ["--file", fixture("bad-row.csv"), "--deactivate-missing"], "en");
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      "line 3, column job_level: Use one of these job levels: Director (部長級), Section chief (課長級), Assistant section chief (課長補佐級), Unit chief (係長級), Senior staff (主任), Staff (主事), Chief technician (統括技能長), Lead technician (技能長), Senior technician (技能主任), Technician (係員)\n",
    );
    expect(run.stdout).toBe("");
    expect(await tableContents(db)).toEqual(before);
  });

  it("reports an unreadable file", async () => {
    const run = await runCommand(importRosterCommand, db, ["--file", fixture("no-such-file.csv")]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`ファイル ${fixture("no-such-file.csv")} を読み込めません。\n`);
  });

  it("requires --file", async () => {
    await expect(runCommand(importRosterCommand, db, [])).rejects.toBeInstanceOf(UsageError);
  });
});

describe("roster pages' queries", async () => {
  const db = await createTestDb();
  await applyRosterImport(db, fixtureText("valid-en.csv"), asAdmin, cliActor, NOW);
  await applyRosterImport(db, fixtureText("valid-ja-cp932.csv"), asAdmin, cliActor, NOW);

  const search = (overrides: Partial<Parameters<typeof searchStaff>[1]>) =>
    searchStaff(db, { status: "active", page: 1, pageSize: 50, ...overrides }).then((result) => ({
      total: result.total,
      numbers: result.staff.map((person) => person.employeeNumber),
    }));

  it("searches by name, kana (hiragana too) and employee number", async () => {
    expect(await search({ query: "花子" })).toEqual({ total: 1, numbers: ["000102"] });
    expect(await search({ query: "すずき" })).toEqual({ total: 1, numbers: ["000103"] });
    expect(await search({ query: "ﾀｶﾊｼ" })).toEqual({ total: 1, numbers: ["000104"] });
    expect(await search({ query: "００01" })).toEqual({ total: 4, numbers: ["000103", "000101", "000102", "000104"] });
    expect(await search({ query: "%" })).toEqual({ total: 4, numbers: ["000103", "000101", "000102", "000104"] });
  });

  it("filters by a department including its sub-units, and pages", async () => {
    const soumu = await db.selectFrom("departments").select("id").where("path", "=", "総務部").executeTakeFirstOrThrow();
    expect(await search({ departmentId: soumu.id })).toEqual({ total: 3, numbers: ["000101", "000102", "000104"] });
    expect(await search({ departmentId: soumu.id, pageSize: 2, page: 2 })).toEqual({ total: 3, numbers: ["000104"] });
  });

  it("filters by status", async () => {
    await db.updateTable("staff").set({ active: 0 }).where("employee_number", "=", "000103").execute();
    expect(await search({ status: "inactive" })).toEqual({ total: 1, numbers: ["000103"] });
    expect((await search({ status: "all" })).total).toBe(4);
  });

  it("lets an administrator change roles but never remove their own admin role", async () => {
    const admin = await db.selectFrom("staff").select(["id", "employee_number"]).where("employee_number", "=", "000101").executeTakeFirstOrThrow();
    await db.updateTable("staff").set({ role: "admin" }).where("id", "=", admin.id).execute();
    const actor = { id: admin.id, label: admin.employee_number };

    expect(await setRole(db, "000101", "staff", actor, NOW)).toEqual({ ok: false, reason: "ownAdminRole" });
    expect(await setRole(db, "999999", "hr", actor, NOW)).toEqual({ ok: false, reason: "notFound" });
    expect(await setRole(db, "000102", "hr", actor, NOW)).toEqual({ ok: true });

    const roles = await db.selectFrom("staff").select(["employee_number", "role"]).where("employee_number", "in", ["000101", "000102"]).orderBy("employee_number").execute();
    expect(roles).toEqual([
      { employee_number: "000101", role: "admin" },
      { employee_number: "000102", role: "hr" },
    ]);
    const audit = await db.selectFrom("audit_log").select(["action", "detail", "actor_label"]).where("action", "=", "staff.set_role").execute();
    expect(audit).toEqual([
      { action: "staff.set_role", detail: JSON.stringify({ employeeNumber: "000102", from: "staff", to: "hr" }), actor_label: "000101" },
    ]);
  });
});

describe("roster routes", async () => {
  const db = await createTestDb();
  useDatabaseForApp(db);
  const staffMember = await createStaff(db, { role: "staff", employeeNumber: "S0001" });
  const hr = await createStaff(db, { role: "hr", employeeNumber: "H0001" });
  const admin = await createStaff(db, { role: "admin", employeeNumber: "A0001" });
  const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

  function upload(fields: Record<string, string | File>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return { method: "POST", body: form };
  }
  const csvFile = (text: string) => new File([text], "roster.csv", { type: "text/csv" });

  it("refuses staff on every roster page with 403", async () => {
    const list = await responseOf(async () => listLoader(args(await requestAs(db, staffMember.id, "/roster"))));
    expect(list.status).toBe(403);
    const importPage = await responseOf(async () => importLoader(args(await requestAs(db, staffMember.id, "/roster/import"))));
    expect(importPage.status).toBe(403);
  });

  it("lists staff for HR with the search from the query string", async () => {
    const response = await listLoader(args(await requestAs(db, hr.id, "/roster?q=H00&status=all&page=1")));
    const body = (await response.json()) as { total: number; staff: { employeeNumber: string }[] };
    expect(body.total).toBe(1);
    expect(body.staff.map((person) => person.employeeNumber)).toEqual(["H0001"]);
  });

  it("previews an upload, then applies the posted-back text only after re-validating it", async () => {
    const text = `${HEADER}\nN0001,新井 健,アライ ケン,,総務部/人事課,staff,regular,2000,H0001,\n`;
    const preview = await importAction(args(await requestAs(db, hr.id, "/roster/import", upload({ intent: "preview", file: csvFile(text) }))));
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { step: string; csvText: string; added: { employeeNumber: string }[]; deactivated: unknown[] };
    expect(body).toMatchObject({ step: "preview", csvText: text, added: [{ employeeNumber: "N0001" }], deactivated: [] });
    expect(await db.selectFrom("staff").select("id").where("employee_number", "=", "N0001").executeTakeFirst()).toBeUndefined();

    const confirmed = await responseOf(async () =>
      importAction(args(await requestAs(db, hr.id, "/roster/import", upload({ intent: "confirm", csvText: body.csvText })))),
    );
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/roster/import?added=1&changed=0&deactivated=0");

    // The same text again, but posted by HR with a role in it: refused at confirm, whatever the preview said.
    const tampered = text.replace("H0001,", "H0001,admin");
    const refused = await importAction(args(await requestAs(db, hr.id, "/roster/import", upload({ intent: "confirm", csvText: tampered }))));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      step: "issues",
      issues: [{ line: 2, column: "role", message: "権限の変更や、人事・管理者の権限の付与は、管理者だけが行えます。" }],
    });
  });

  it("refuses a file over the size limit with a clear message", async () => {
    const tooBig = csvFile("a".repeat(MAX_ROSTER_FILE_BYTES + 1));
    const response = await importAction(args(await requestAs(db, hr.id, "/roster/import", upload({ intent: "preview", file: tooBig }))));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, errors: { file: "ファイルが大きすぎます（上限 5MB）。" }, values: {} });
  });

  it("issues a setup code to HR, shown in the answer only", async () => {
    const response = await staffAction(
      args(await requestAs(db, hr.id, "/roster/S0001", upload({ intent: "issueSetupCode" })), { employeeNumber: "S0001" }),
    );
    const body = (await response.json()) as { intent: string; code: string; expiresAt: string };
    expect(body.intent).toBe("issueSetupCode");
    expect(body.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const codes = await db.selectFrom("setup_codes").select(["issued_by", "used_at"]).where("staff_id", "=", staffMember.id).execute();
    expect(codes).toEqual([{ issued_by: hr.id, used_at: null }]);
  });

  it("gives HR a 403 for a role change, and stops an admin from demoting themself", async () => {
    const byHr = await responseOf(async () =>
      staffAction(args(await requestAs(db, hr.id, "/roster/S0001", upload({ intent: "setRole", role: "hr" })), { employeeNumber: "S0001" })),
    );
    expect(byHr.status).toBe(403);

    const ownRole = await staffAction(
      args(await requestAs(db, admin.id, "/roster/A0001", upload({ intent: "setRole", role: "staff" })), { employeeNumber: "A0001" }),
    );
    expect(ownRole.status).toBe(400);
    expect(await ownRole.json()).toMatchObject({ errors: { role: "自分自身の管理者権限は外せません。別の管理者に依頼してください。" } });

    const promoted = await staffAction(
      args(await requestAs(db, admin.id, "/roster/S0001", upload({ intent: "setRole", role: "hr" })), { employeeNumber: "Ｓ０００１" }),
    );
    expect(await promoted.json()).toEqual({ intent: "setRole", role: "hr" });
    const roles = await db.selectFrom("staff").select(["employee_number", "role"]).orderBy("employee_number").execute();
    expect(roles).toEqual([
      { employee_number: "A0001", role: "admin" },
      { employee_number: "H0001", role: "hr" },
      { employee_number: "N0001", role: "staff" },
      { employee_number: "S0001", role: "hr" },
    ]);
  });
});
