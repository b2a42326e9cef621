import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { HR_ROLES, requireRole, requireUser } from "~/utils/auth.server";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);
const staff = await createStaff(db, { role: "staff" });
const hr = await createStaff(db, { role: "hr" });
const admin = await createStaff(db, { role: "admin" });

describe("role checks", () => {
  it("send anonymous visitors to sign in, remembering where they were going", async () => {
    const response = await responseOf(async () => requireUser(await requestAs(db, null, "/roster?page=2")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Froster%3Fpage%3D2");
  });

  it("refuse staff on HR pages with 403", async () => {
    const response = await responseOf(async () => requireRole(await requestAs(db, staff.id, "/roster"), HR_ROLES));
    expect(response.status).toBe(403);
  });

  it("let HR and admins through, and admins only through admin checks", async () => {
    await expect(requireRole(await requestAs(db, hr.id, "/roster"), HR_ROLES)).resolves.toMatchObject({ role: "hr" });
    await expect(requireRole(await requestAs(db, admin.id, "/roster"), HR_ROLES)).resolves.toMatchObject({ role: "admin" });
    const refused = await responseOf(async () => requireRole(await requestAs(db, hr.id, "/admin"), ["admin"]));
    expect(refused.status).toBe(403);
  });
});

describe("HR pages", () => {
  const hrPages: [string, () => Promise<{ loader: (args: LoaderFunctionArgs) => Promise<unknown> }>, Record<string, string>][] = [
    ["/roster", () => import("~/routes/roster._index"), {}],
    ["/roster/import", () => import("~/routes/roster.import"), {}],
    ["/roster/T00001", () => import("~/routes/roster.$employeeNumber"), { employeeNumber: "T00001" }],
    ["/manage/surveys", () => import("~/routes/manage.surveys._index"), {}],
    ["/manage/surveys/x", () => import("~/routes/manage.surveys.$code"), { code: "x" }],
    ["/manage/surveys/x/import", () => import("~/routes/manage.surveys.$code_.import"), { code: "x" }],
    ["/results", () => import("~/routes/results._index"), {}],
    ["/manage/audit", () => import("~/routes/manage.audit"), {}],
    ["/results/x", () => import("~/routes/results.$code"), { code: "x" }],
    ["/results/x/kpi.csv", () => import("~/routes/results.$code.$download"), { code: "x", download: "kpi.csv" }],
    ["/results/x/kpi.xlsx", () => import("~/routes/results.$code.$download"), { code: "x", download: "kpi.xlsx" }],
  ];

  it.each(hrPages)("%s refuses staff with 403 before looking anything up", async (url, load, params) => {
    const { loader } = await load();
    const response = await responseOf(async () => loader({ request: await requestAs(db, staff.id, url), params, context: {} }));
    expect(response.status).toBe(403);
  });
});
