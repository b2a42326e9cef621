import { describe, expect, it } from "vitest";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importResponsesCommand } from "~/commands/surveys";
import { importRosterCommand } from "~/commands/import-roster";
import { applyRosterImport } from "~/models/roster.server";
import { createSurveyFromTemplate } from "~/models/surveys.server";
import { action as importAction } from "~/routes/roster.import";
import { runCommand } from "../support/cli";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);

const HEADER = "employee_id,name,name_kana,email,department,job_level,employment_type,birth_year,supervisor_id,role";
const line = (id: string, name = "試験\u3000太郎", role = "") => `${id},${name},シケン タロウ,,総務部/人事課,主事,常勤,1990,,${role}`;
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");

const admin = await createStaff(db, { employeeNumber: "A00001", role: "admin", departmentPath: "総務部/人事課" });
const hr = await createStaff(db, { employeeNumber: "H00001", role: "hr", departmentPath: "総務部/人事課" });
await createStaff(db, { employeeNumber: "S00001", departmentPath: "総務部/人事課" });

const actor = (person: { id: number; employee_number: string }) => ({ id: person.id, label: person.employee_number });

async function activeAdmins() {
  return db.selectFrom("staff").select("employee_number").where("role", "=", "admin").where("active", "=", 1).execute();
}

describe("admins are protected from imports (#9 item 7)", () => {
  it("refuses an HR import with 'deactivate missing' that leaves the admin out, and changes nothing", async () => {
    const outcome = await applyRosterImport(
      db,
      csv(line("H00001"), line("S00001")),
      { deactivateMissing: true, canChangeRoles: false, actingEmployeeNumber: "H00001" },
      actor(hr),
    );
    expect(outcome).toEqual({
      ok: false,
      issues: [
        { line: null, column: null, problem: { code: "protectedFromDeactivation", employeeNumber: "A00001", who: "admin" } },
        { line: null, column: null, problem: { code: "lastAdmin" } },
      ],
    });
    expect(await activeAdmins()).toEqual([{ employee_number: "A00001" }]);
  });

  it("refuses the same through the roster import page, saying why", async () => {
    const form = new FormData();
    form.set("intent", "confirm");
    form.set("deactivateMissing", "on");
    form.set("csvText", csv(line("H00001"), line("S00001")));
    const request = await requestAs(db, hr.id, "/roster/import", { method: "POST", body: form });
    const response = await responseOf(() => importAction({ request, params: {}, context: {} }));
    expect(JSON.stringify(await response.json())).toContain("管理者（A00001）はファイルにないため無効になってしまいます");
    expect(await activeAdmins()).toEqual([{ employee_number: "A00001" }]);
  });

  it("refuses an import that would deactivate the person importing", async () => {
    const outcome = await applyRosterImport(
      db,
      csv(line("A00001", undefined, "admin"), line("S00001")),
      { deactivateMissing: true, canChangeRoles: true, actingEmployeeNumber: "H00001" },
      actor(hr),
    );
    expect(outcome).toMatchObject({ ok: false, issues: [{ problem: { code: "protectedFromDeactivation", employeeNumber: "H00001", who: "self" } }] });
  });

  it("refuses an admin's import that demotes themselves or leaves no admin, even from the command line", async () => {
    const demoteSelf = await applyRosterImport(
      db,
      csv(line("A00001", undefined, "staff"), line("H00001", undefined, "hr"), line("S00001")),
      { deactivateMissing: false, canChangeRoles: true, actingEmployeeNumber: "A00001" },
      actor(admin),
    );
    expect(demoteSelf).toMatchObject({ ok: false, issues: [{ problem: { code: "ownRole" } }, { problem: { code: "lastAdmin" } }] });

    const cli = await runCommand(importRosterCommand, db, ["--file", writeTemp("no-admin.csv", csv(line("H00001", undefined, "hr"), line("S00001"))), "--deactivate-missing"]);
    expect(cli.exitCode).toBe(1);
    expect(cli.stderr).toContain("有効な管理者が一人もいなくなります");
    expect(await activeAdmins()).toEqual([{ employee_number: "A00001" }]);
  });

  it("still lets an admin deactivate another admin while one remains", async () => {
    await createStaff(db, { employeeNumber: "A00002", role: "admin", departmentPath: "総務部/人事課" });
    const outcome = await applyRosterImport(
      db,
      csv(line("A00001", undefined, "admin"), line("H00001", undefined, "hr"), line("S00001")),
      { deactivateMissing: true, canChangeRoles: true, actingEmployeeNumber: "A00001" },
      actor(admin),
    );
    expect(outcome).toMatchObject({ ok: true, summary: { deactivated: 1 } });
  });
});

describe("names (#9 item 9)", () => {
  it("refuses NUL, ESC, U+202E and line breaks in names with a clear message", async () => {
    for (const name of ["山田\u0000太郎", "山田\u001b[31m太郎", "山田\u202e郎太", "\"山田\n太郎\""]) {
      const outcome = await applyRosterImport(
        db,
        csv(line("A00001", undefined, "admin"), line("S00009", name)),
        { deactivateMissing: false, canChangeRoles: true, actingEmployeeNumber: null },
        actor(admin),
      );
      expect(outcome).toMatchObject({ ok: false, issues: [{ line: 3, column: "name", problem: { code: "controlCharacters" } }] });
    }
    expect(await db.selectFrom("staff").select("id").where("employee_number", "=", "S00009").execute()).toEqual([]);
  });
});

const tempDir = mkdtempSync(path.join(tmpdir(), "yell-protect-"));
function writeTemp(name: string, content: string | Buffer) {
  const file = path.join(tempDir, name);
  writeFileSync(file, content);
  return file;
}

describe("the CLI caps its input (#9 item 6)", () => {
  it("refuses a 50 MB answers file with a message instead of crashing", async () => {
    await createSurveyFromTemplate(db, "shinagawa-fy2023", { code: "big-2023", fiscalYear: 2023 }, { id: null, label: "test" });
    const row = `${Array.from({ length: 15 }, () => "3").join(",")}\n`;
    const header = `${Array.from({ length: 15 }, (_, i) => `Q${String(i + 1).padStart(2, "0")}`).join(",")}\n`;
    const file = writeTemp("answers.csv", header + row.repeat(Math.ceil((50 * 1024 * 1024) / row.length)));
    const result = await runCommand(importResponsesCommand, db, ["--survey", "big-2023", "--file", file]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("ファイルが大きすぎます（上限 20MB）");
    const responses = await db.selectFrom("survey_responses").select("id").execute();
    expect(responses).toEqual([]);
  });
});
