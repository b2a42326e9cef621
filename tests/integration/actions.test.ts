import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action as actionsAction, loader as actionsLoader } from "~/routes/manage.actions.$code";
import { loader as resultsLoader } from "~/routes/results.$code";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { useDatabaseForApp } from "../support/requests";
import { callAs, closedSurveyWithAnswers, formPost } from "../support/results-data";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { role: "staff" });
const sectionChief = await createStaff(db, { departmentPath: "総務部/人事課/研修係", jobLevel: "section_chief" });

// FY2023: every question 2 in 総務部 and 3 in 区民部 (mean 2.500); FY2024 (the next in the series): Q08 up to 3 everywhere.
await closedSurveyWithAnswers(db, "act-2023", 2023, [
  ["総務部", 5, 2],
  ["区民部", 5, 3],
]);
await closedSurveyWithAnswers(
  db,
  "act-2024",
  2024,
  [
    ["総務部", 5, 2],
    ["区民部", 5, 3],
  ],
  { previous: "act-2023", answers: (question, value) => (question === "Q08" ? 3 : value) },
);

const create = (fields: [string, string][], staffId = hr.id, code = "act-2023") =>
  callAs(db, actionsAction, staffId, `/manage/actions/${code}`, { code }, formPost([["intent", "create"], ...fields]));

const q08Action: [string, string][] = [
  ["title", "1on1ミーティングを全課で月1回実施"],
  ["owner", "人事課"],
  ["dueOn", "2024-03-31"],
  ["status", "in_progress"],
  ["unit", ""],
  ["targets", "kpi:Q08"],
  ["targets", "outcome:06"],
];

describe("action plans", () => {
  it("HR records an action on Q08, with its targets and an audit entry, in one go", async () => {
    const response = await create(q08Action);
    expect(response.status).toBe(302);
    const actions = await db.selectFrom("survey_actions").selectAll().execute();
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ title: "1on1ミーティングを全課で月1回実施", owner: "人事課", due_on: "2024-03-31", status: "in_progress", unit_path: null });
    const targets = await db.selectFrom("survey_action_targets").select(["kind", "code"]).orderBy("kind").execute();
    expect(targets).toEqual([
      { kind: "kpi", code: "Q08" },
      { kind: "outcome", code: "06" },
    ]);
    const audit = await db.selectFrom("audit_log").select("action").where("action", "=", "action.create").execute();
    expect(audit).toHaveLength(1);
  });

  it("answers bad input with field errors and records nothing", async () => {
    const before = await db.selectFrom("survey_actions").select("id").execute();
    const response = await create([
      ["title", ""],
      ["owner", "人事課"],
      ["dueOn", "2024-02-30"],
      ["status", "planned"],
      ["unit", ""],
    ]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["dueOn", "targets", "title"]);
    expect(body.errors.targets).toBe("対象とするKPIまたはアウトカムを1つ以上選んでください。");
    expect(await db.selectFrom("survey_actions").select("id").execute()).toEqual(before);
  });

  it("refuses an unknown target and an action on a survey that has not closed", async () => {
    expect((await create([...q08Action.filter(([name]) => name !== "targets"), ["targets", "kpi:Q99"]])).status).toBe(400);
    await db.updateTable("surveys").set({ status: "open" }).where("code", "=", "act-2024").execute();
    expect((await create(q08Action, hr.id, "act-2024")).status).toBe(400);
    await db.updateTable("surveys").set({ status: "closed" }).where("code", "=", "act-2024").execute();
    expect(await db.selectFrom("survey_actions").select("id").execute()).toHaveLength(1);
  });

  it("lets a 課長 record for their 課 only, and keeps staff out", async () => {
    const own = q08Action.map(([name, value]): [string, string] => [name, name === "unit" ? "総務部/人事課" : value]);
    expect((await create(own, sectionChief.id)).status).toBe(302);
    const other = q08Action.map(([name, value]): [string, string] => [name, name === "unit" ? "区民部" : value]);
    expect((await create(other, sectionChief.id)).status).toBe(403);
    expect((await create(q08Action, sectionChief.id)).status).toBe(403);
    expect((await callAs(db, actionsLoader, staff.id, "/manage/actions/act-2023", { code: "act-2023" })).status).toBe(403);
    const page = (await (await callAs(db, actionsLoader, sectionChief.id, "/manage/actions/act-2023", { code: "act-2023" })).json()) as SerializeFrom<
      typeof actionsLoader
    >;
    expect(page.units).toEqual(["総務部/人事課"]);
  });

  it("the results page shows the action beside Q08, and next year's shows Q08's change since", async () => {
    const thisYear = (await (await callAs(db, resultsLoader, hr.id, "/results/act-2023", { code: "act-2023" })).json()) as SerializeFrom<
      typeof resultsLoader
    >;
    expect(thisYear.actions.filter((a) => a.kpiCodes.includes("Q08"))).toHaveLength(2);
    const nextYear = (await (await callAs(db, resultsLoader, hr.id, "/results/act-2024", { code: "act-2024" })).json()) as SerializeFrom<
      typeof resultsLoader
    >;
    const evaluated = nextYear.earlierActions.find((a) => a.unitPath === null)!;
    expect(evaluated.setAfter).toEqual({ code: "act-2023", fiscalYear: 2023 });
    // Q08 went from 2.500 to 3.000; Q15 (outcome 06) did not move.
    expect(evaluated.changes).toEqual([
      { code: "Q08", before: 2.5, after: 3, change: 0.5 },
      { code: "Q15", before: 2.5, after: 2.5, change: 0 },
    ]);
  });

  it("changes an action's status, audited", async () => {
    const [first] = await db.selectFrom("survey_actions").select("id").orderBy("id").execute();
    const response = await callAs(
      db,
      actionsAction,
      hr.id,
      "/manage/actions/act-2023",
      { code: "act-2023" },
      formPost([
        ["intent", "status"],
        ["actionId", String(first!.id)],
        ["status", "done"],
      ]),
    );
    expect(response.status).toBe(302);
    expect((await db.selectFrom("survey_actions").select("status").where("id", "=", first!.id).executeTakeFirst())?.status).toBe("done");
  });
});
