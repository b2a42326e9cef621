import { describe, expect, it } from "vitest";
import { issueSetupCode } from "~/models/auth.server";
import { loader } from "~/routes/manage.audit";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
await createStaff(db, { employeeNumber: "000777" });

describe("the audit log page", () => {
  it("shows HR the newest operations first, with who did them", async () => {
    await issueSetupCode(db, "000777", { id: hr.id, label: hr.employee_number, role: "hr" }, 72, new Date("2026-11-20T00:00:00Z"));
    await issueSetupCode(db, "000777", { id: null, label: "cli", role: null }, 72, new Date("2026-11-21T00:00:00Z"));
    const response = (await loader({ request: await requestAs(db, hr.id, "/manage/audit"), params: {}, context: {} })) as Response;
    const { entries } = (await response.json()) as { entries: { action: string; actor_label: string; detail: string }[] };
    expect(entries.map((e) => [e.action, e.actor_label, JSON.parse(e.detail)])).toEqual([
      ["setup_code.issue", "cli", { employeeNumber: "000777" }],
      ["setup_code.issue", hr.employee_number, { employeeNumber: "000777" }],
    ]);
  });
});
