import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { loader as unitLoader } from "~/routes/results.$code_.unit";
import { loader as listLoader } from "~/routes/unit-results";
import { grantUnitHead } from "~/models/unit-heads.server";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { useDatabaseForApp } from "../support/requests";
import { callAs, closedSurveyWithAnswers } from "../support/results-data";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { departmentPath: "区民部/税務課/課税係" });
const taxChief = await createStaff(db, { departmentPath: "区民部/税務課/課税係", jobLevel: "section_chief" });
const personnelChief = await createStaff(db, { departmentPath: "総務部/人事課/人事係", jobLevel: "section_chief" });
const generalDirector = await createStaff(db, { departmentPath: "総務部/総務課/庶務係", jobLevel: "director" });
const deputy = await createStaff(db, { departmentPath: "区民部/戸籍住民課/戸籍係" });
await grantUnitHead(db, { id: hr.id, label: "hr" }, (await db.selectFrom("staff").select("employee_number").where("id", "=", deputy.id).executeTakeFirst())!.employee_number, "区民部/戸籍住民課");

// Reported by 課. 総務課 (3) is under the minimum of 5, so the smallest shown 課, 人事課 (6), is hidden with it.
await closedSurveyWithAnswers(db, "units-2024", 2024, [
  ["総務部/人事課", 6, 3],
  ["総務部/総務課", 3, 1],
  ["区民部/税務課", 8, 4],
  ["区民部/戸籍住民課", 7, 2],
]);
// Reported by 部 only, as the city's imported files are.
await closedSurveyWithAnswers(db, "depts-2023", 2023, [
  ["総務部", 9, 3],
  ["区民部", 15, 2],
]);

type UnitData = SerializeFrom<typeof unitLoader>;
const view = (staffId: number, code: string, unit: string) =>
  callAs(db, unitLoader, staffId, `/results/${code}/unit?${new URLSearchParams({ unit })}`, { code });
const data = async (staffId: number, code: string, unit: string) => {
  const response = await view(staffId, code, unit);
  expect(response.status).toBe(200);
  return (await response.json()) as UnitData;
};

describe("managers' own results", () => {
  it("a 課長 sees their 課's figures beside the ward overall and the targets", async () => {
    const page = await data(taxChief.id, "units-2024", "区民部/税務課");
    expect(page.coverage).toBe("unit");
    expect(page.heatmap!.rows).toHaveLength(1);
    expect(page.heatmap!.rows[0]).toMatchObject({ group: "区民部/税務課", respondents: 8 });
    expect(page.heatmap!.rows[0]!.cells[0]).toMatchObject({ hidden: false, mean: 4 });
    expect(page.ward!.find((q) => q.code === "Q01")).toMatchObject({ target: expect.any(Number) });
  });

  it("gives a 403 for another 部's (or a sibling 課's) results, and to staff and a list to heads only", async () => {
    expect((await view(taxChief.id, "units-2024", "総務部")).status).toBe(403);
    expect((await view(taxChief.id, "units-2024", "総務部/人事課")).status).toBe(403);
    expect((await view(taxChief.id, "units-2024", "区民部/戸籍住民課")).status).toBe(403);
    expect((await view(taxChief.id, "units-2024", "区民部")).status).toBe(403);
    expect((await view(staff.id, "units-2024", "区民部/税務課")).status).toBe(403);
    expect((await callAs(db, listLoader, staff.id, "/unit-results", {})).status).toBe(403);
    expect((await callAs(db, listLoader, taxChief.id, "/unit-results", {})).status).toBe(200);
  });

  it("a unit HR granted is visible to its holder", async () => {
    const page = await data(deputy.id, "units-2024", "区民部/戸籍住民課");
    expect(page.heatmap!.rows[0]).toMatchObject({ group: "区民部/戸籍住民課", respondents: 7 });
  });

  it("no manager view shows a group below the minimum, nor one hidden to protect it", async () => {
    const views = [
      [taxChief.id, "区民部/税務課"],
      [personnelChief.id, "総務部/人事課"],
      [generalDirector.id, "総務部"],
      [deputy.id, "区民部/戸籍住民課"],
      [hr.id, "総務部"],
      [hr.id, "区民部"],
    ] as const;
    for (const code of ["units-2024", "depts-2023"]) {
      for (const [staffId, unit] of views) {
        const page = await data(staffId, code, unit);
        for (const row of page.heatmap!.rows) {
          if (row.respondents !== null) expect(row.respondents, `${code} ${unit} ${row.group}`).toBeGreaterThanOrEqual(page.survey.min_group_size);
          else expect(row.cells.every((cell) => cell.hidden)).toBe(true);
        }
      }
    }
    const director = await data(generalDirector.id, "units-2024", "総務部");
    expect(director.heatmap!.rows.map((row) => [row.group, row.respondents])).toEqual([
      ["総務部/人事課", null],
      ["総務部/総務課", null],
    ]);
    // 総務課 answered 1 to everything: no 1.000 may reach the 部長's page.
    expect(JSON.stringify(director.heatmap)).not.toContain('"mean":1');
  });

  it("shows the 部 containing a 課 when the survey reports only by 部", async () => {
    const page = await data(personnelChief.id, "depts-2023", "総務部/人事課");
    expect(page.coverage).toBe("parent");
    expect(page.heatmap!.rows.map((row) => row.group)).toEqual(["総務部"]);
  });

  it("shows no figures while the survey is open", async () => {
    await db.updateTable("surveys").set({ status: "open" }).where("code", "=", "units-2024").execute();
    const page = await data(taxChief.id, "units-2024", "区民部/税務課");
    expect(page.heatmap).toBeNull();
    expect(page.ward).toBeNull();
    await db.updateTable("surveys").set({ status: "closed" }).where("code", "=", "units-2024").execute();
  });
});
