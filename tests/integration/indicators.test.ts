import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/manage.indicators";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { useDatabaseForApp } from "../support/requests";
import { callAs, formPost } from "../support/results-data";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db);

const post = (fields: [string, string][], staffId = hr.id) => callAs(db, action, staffId, "/manage/indicators", {}, formPost(fields));
const define = (code: string, target: string, unit = "percent") =>
  post([["intent", "define"], ["code", code], ["nameJa", `指標${code}`], ["nameEn", code], ["unit", unit], ["target", target], ["targetFiscalYear", ""], ["direction", "higher"]]);
const record = (code: string, fiscalYear: string, value: string) =>
  post([["intent", "record"], ["code", code], ["fiscalYear", fiscalYear], ["value", value], ["source", "人事課調べ"]]);

describe("HR indicators", () => {
  it("are defined with a target or as monitoring only, and recorded yearly (a second record corrects the year)", async () => {
    expect((await define("women-managers", "30")).status).toBe(302);
    expect((await define("overtime", "", "hours")).status).toBe(302);
    expect((await record("women-managers", "2024", "18.6")).status).toBe(302);
    expect((await record("women-managers", "2025", "20.1")).status).toBe(302);
    expect((await record("women-managers", "2025", "21.3")).status).toBe(302);
    expect((await record("overtime", "2024", "10.9")).status).toBe(302);
    const data = (await (await callAs(db, loader, hr.id, "/manage/indicators", {})).json()) as SerializeFrom<typeof loader>;
    const women = data.indicators.find((row) => row.code === "women-managers")!;
    expect(women).toMatchObject({ targetMilli: 30000, unit: "percent" });
    expect(women.values.map((value) => [value.fiscalYear, value.valueMilli, value.achieved])).toEqual([
      [2024, 18600, false],
      [2025, 21300, false],
    ]);
    expect(data.indicators.find((row) => row.code === "overtime")).toMatchObject({ targetMilli: null, values: [{ valueMilli: 10900, achieved: null }] });
    expect(await db.selectFrom("audit_log").select("action").where("action", "like", "indicator.%").execute()).toHaveLength(6);
  });

  it("refuses bad input with the field, and staff", async () => {
    const bad = await record("women-managers", "2025", "18.6%");
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { errors: Record<string, string> }).errors)).toEqual(["value"]);
    expect((await record("women-managers", "2025", "1.2345")).status).toBe(400);
    expect((await record("no-such", "2025", "1")).status).toBe(400);
    expect((await define("women-managers", "30")).status).toBe(400);
    expect((await post([["intent", "record"]], staff.id)).status).toBe(403);
    expect(await db.selectFrom("hr_indicator_values").select("value_milli").execute()).toHaveLength(3);
  });
});
