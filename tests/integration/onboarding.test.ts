import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { redeemSetupCode } from "~/models/auth.server";
import { issueSetupLetters } from "~/models/onboarding.server";
import { action, loader } from "~/routes/manage.onboarding";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);

const hr = await createStaff(db, { role: "hr", employeeNumber: "S00001", departmentPath: "福祉部/福祉課/庶務係", password: "hr password 2026" });
const admin = await createStaff(db, { role: "admin", employeeNumber: "S00002", departmentPath: "総務部/人事課/人事係", password: "admin password 2026" });
const otherHr = await createStaff(db, { role: "hr", employeeNumber: "S00003", departmentPath: "福祉部/福祉課/庶務係" });
await createStaff(db, { employeeNumber: "S00010", departmentPath: "福祉部/福祉課/庶務係" });
await createStaff(db, { employeeNumber: "S00011", departmentPath: "福祉部/高齢課/介護係" });
await createStaff(db, { employeeNumber: "S00012", departmentPath: "福祉部/福祉課/庶務係", password: "already set up 1" });
await createStaff(db, { employeeNumber: "S00020", departmentPath: "区民部/区民課/区民係" });
await createStaff(db, { employeeNumber: "S00021", departmentPath: "福祉部別館/総務課/係" });

const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });

describe("setup letters in bulk", () => {
  it("previews a 部's staff without a password and marks whom HR may not issue for", async () => {
    const response = await responseOf(async () =>
      loader({ request: await requestAs(db, hr.id, "/manage/onboarding?preview=1&department=福祉部&withoutPasswordOnly=on"), params: {}, context: {} } as LoaderFunctionArgs),
    );
    const data = (await response.json()) as { candidates: { employeeNumber: string; refusal: string | null }[] };
    // The HR officer has a password, so is not listed; another HR account is, refused; 福祉部別館 is another 部.
    expect(data.candidates.map((c) => c.employeeNumber).sort()).toEqual(["S00003", "S00010", "S00011"]);
    expect(Object.fromEntries(data.candidates.map((c) => [c.employeeNumber, c.refusal]))).toEqual({ S00003: "privileged_account", S00010: null, S00011: null });
  });

  it("HR issues a printable batch, skips HR accounts, and it is audited once", async () => {
    const response = await responseOf(async () =>
      action({ request: await requestAs(db, hr.id, "/manage/onboarding", form({ department: "福祉部", addedSince: "", withoutPasswordOnly: "on" })), params: {}, context: {} } as ActionFunctionArgs),
    );
    const batch = (await response.json()) as { letters: { employeeNumber: string; code: string; name: string; unit: string; expiresAt: string }[]; skipped: { employeeNumber: string; reason: string }[]; setupUrl: string };
    expect(batch.letters.map((l) => l.employeeNumber).sort()).toEqual(["S00010", "S00011"]);
    expect(batch.skipped).toEqual([expect.objectContaining({ employeeNumber: "S00003", reason: "privileged_account" })]);
    expect(batch.setupUrl).toBe("http://localhost/setup");
    const audit = await db.selectFrom("audit_log").selectAll().where("action", "=", "setup_code.issue_batch").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.row_count).toBe(2);
    expect(audit[0]!.detail).not.toContain(batch.letters[0]!.code);
    // Each printed code works for its person.
    const letter = batch.letters.find((l) => l.employeeNumber === "S00011")!;
    expect(await redeemSetupCode(db, { employeeNumber: "S00011", code: letter.code, password: "a new password 2026" })).toMatchObject({ ok: true });
  });

  it("an admin may issue for HR accounts but never for themselves", async () => {
    const batch = await issueSetupLetters(
      db,
      { id: admin.id, label: admin.employee_number, role: "admin" },
      { department: null, addedSince: null, withoutPasswordOnly: false },
      { validHours: 72, setupUrl: "https://yell.example/setup", email: false },
    );
    expect(batch.letters.map((l) => l.employeeNumber)).toContain(otherHr.employee_number);
    expect(batch.letters.map((l) => l.employeeNumber)).toContain(hr.employee_number);
    expect(batch.skipped).toEqual([expect.objectContaining({ employeeNumber: admin.employee_number, reason: "own_account" })]);
  });

  it("selects people added since a date", async () => {
    await db.updateTable("staff").set({ created_at: "2026-04-01T00:00:00.000Z" }).execute();
    await db.updateTable("staff").set({ created_at: "2026-10-01T00:00:00.000Z" }).where("employee_number", "=", "S00020").execute();
    const batch = await issueSetupLetters(
      db,
      { id: hr.id, label: hr.employee_number, role: "hr" },
      { department: null, addedSince: "2026-09-01", withoutPasswordOnly: false },
      { validHours: 72, setupUrl: "https://yell.example/setup", email: false },
    );
    expect(batch.letters.map((l) => l.employeeNumber)).toEqual(["S00020"]);
  });
});
