import { describe, expect, it } from "vitest";
import { issueSetupCode } from "~/models/auth.server";
import { recordAudit } from "~/models/audit.server";
import { loader } from "~/routes/manage.audit";
import { loader as csvLoader } from "~/routes/manage.audit[.]csv";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr", name: "人事\u3000花子" });
await createStaff(db, { employeeNumber: "000777" });

type Entry = { action: string; actor_label: string; actor_name: string | null; actor_number: string | null; detail: string };
async function page(query = "") {
  const response = (await loader({ request: await requestAs(db, hr.id, `/manage/audit${query}`), params: {}, context: {} })) as Response;
  return ((await response.json()) as { entries: Entry[] }).entries;
}

describe("the audit log page", () => {
  it("shows the newest operations first by when they happened, with who did them by name and number", async () => {
    await issueSetupCode(db, "000777", { id: hr.id, label: hr.employee_number, role: "hr" }, 72, new Date("2026-11-20T00:00:00Z"));
    await issueSetupCode(db, "000777", { id: null, label: "cli", role: null }, 72, new Date("2026-11-21T00:00:00Z"));
    // Written later, but about an earlier time (a backdated import): it sorts by its own time.
    await recordAudit(db, { id: hr.id, label: hr.employee_number }, "survey.import_responses", { survey: "kpi-fy2023" }, 1736, new Date("2026-11-19T00:00:00Z"));
    const entries = await page();
    expect(entries.map((e) => [e.action, e.actor_label, e.actor_name])).toEqual([
      ["setup_code.issue", "cli", null],
      ["setup_code.issue", hr.employee_number, "人事\u3000花子"],
      ["survey.import_responses", hr.employee_number, "人事\u3000花子"],
    ]);
    expect(entries[1]!.actor_number).toBe(hr.employee_number);
  });

  it("filters by who, what and when", async () => {
    expect((await page("?who=花子")).map((e) => e.action)).toEqual(["setup_code.issue", "survey.import_responses"]);
    expect((await page("?who=cli")).map((e) => e.actor_label)).toEqual(["cli"]);
    expect((await page("?area=survey")).map((e) => e.action)).toEqual(["survey.import_responses"]);
    // Days are Tokyo days: 2026-11-20T00:00Z is 09:00 on the 20th in Tokyo.
    expect((await page("?from=2026-11-20&to=2026-11-20")).map((e) => e.actor_label)).toEqual([hr.employee_number]);
    // A malformed filter is ignored rather than failing the page.
    expect(await page("?from=yesterday")).toHaveLength(3);
  });

  it("exports the filtered log as CSV with Japanese action names and details, and audits the export", async () => {
    const response = await csvLoader({ request: await requestAs(db, hr.id, "/manage/audit.csv?area=setup_code"), params: {}, context: {} });
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("セットアップコードの発行");
    expect(lines[1]).toContain("コマンドライン");
    expect(lines[2]).toContain("人事\u3000花子");
    expect(lines[2]).toContain("職員番号: 000777");
    expect(text).not.toContain("setup_code.issue");
    expect(text).not.toContain("{");
    expect((await page("?area=audit")).map((e) => e.action)).toEqual(["audit.export"]);
  });
});
