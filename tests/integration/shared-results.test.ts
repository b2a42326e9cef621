import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action as publishAction } from "~/routes/results.$code_.share";
import { loader as summaryLoader } from "~/routes/shared-results.$code";
import { loader as listLoader } from "~/routes/shared-results._index";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { useDatabaseForApp } from "../support/requests";
import { callAs, closedSurveyWithAnswers, formPost } from "../support/results-data";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const inLargeUnit = await createStaff(db, { departmentPath: "区民部/税務課/課税係" });
const inSmallUnit = await createStaff(db, { departmentPath: "総務部/人事課/人事係" });

await closedSurveyWithAnswers(db, "shared-2023", 2023, [
  ["総務部", 3, 1],
  ["区民部", 9, 3],
  ["福祉部", 8, 2],
]);
await db
  .insertInto("survey_actions")
  .values({ survey_id: (await db.selectFrom("surveys").select("id").where("code", "=", "shared-2023").executeTakeFirstOrThrow()).id, title: "全庁で1on1", owner: "人事課", due_on: "2024-03-31", unit_path: null, created_at: "2024-01-01T00:00:00Z", updated_at: "2024-01-01T00:00:00Z" })
  .execute();

const publish = (staffId: number, fields: [string, string][]) =>
  callAs(db, publishAction, staffId, "/results/shared-2023/share", { code: "shared-2023" }, formPost(fields));
const summary = async (staffId: number) => callAs(db, summaryLoader, staffId, "/shared-results/shared-2023", { code: "shared-2023" });

describe("results shared back", () => {
  it("are not there for staff until HR publishes, and only HR may publish", async () => {
    expect((await summary(inLargeUnit.id)).status).toBe(404);
    expect((await publish(inLargeUnit.id, [["summaryJa", "x"], ["summaryEn", "x"]])).status).toBe(403);
    const empty = await publish(hr.id, [["summaryJa", " "], ["summaryEn", "ok"]]);
    expect(empty.status).toBe(400);
    expect(await db.selectFrom("survey_publications").selectAll().execute()).toEqual([]);
  });

  it("after publishing, staff see the summary, the ward's KPIs, their own unit where shown, and the actions", async () => {
    expect((await publish(hr.id, [["summaryJa", "職場の心理的安全性が向上しました。"], ["summaryEn", "Psychological safety improved."]])).status).toBe(302);
    const list = (await (await callAs(db, listLoader, inLargeUnit.id, "/shared-results", {})).json()) as SerializeFrom<typeof listLoader>;
    expect(list.surveys.map((s) => s.code)).toEqual(["shared-2023"]);

    const large = (await (await summary(inLargeUnit.id)).json()) as SerializeFrom<typeof summaryLoader>;
    expect(large.publication.summary_ja).toBe("職場の心理的安全性が向上しました。");
    expect(large.questions).toHaveLength(15);
    expect(large.ownUnit).toMatchObject({ group: "区民部", respondents: 9 });
    expect(large.actions.map((a) => a.title)).toEqual(["全庁で1on1"]);

    // 総務部 (3) is under the minimum, and 福祉部 (8) is hidden with it: neither's staff see a unit figure.
    const small = (await (await summary(inSmallUnit.id)).json()) as SerializeFrom<typeof summaryLoader>;
    expect(small.ownUnit).toBeNull();
    expect(JSON.stringify(small)).not.toContain('"mean":1,');
    expect(await db.selectFrom("audit_log").select("action").where("action", "=", "survey.publish").execute()).toHaveLength(1);
  });
});
