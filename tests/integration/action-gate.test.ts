import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { decodeCsvBytes } from "~/domain/csv";
import { createAction, evaluateEarlierActions } from "~/models/actions.server";
import { submitResponse } from "~/models/responses.server";
import { createSurveyFromPrevious, loadSurveyDefinition, setReportingDimensions, setSurveyStatus } from "~/models/surveys.server";
import { loader as heatmapLoader } from "~/routes/results.$code_.heatmap";
import { loader as reportLoader } from "~/routes/results.$code_.report";
import { action as shareAction } from "~/routes/results.$code_.share";
import { loader as unitLoader } from "~/routes/results.$code_.unit";
import { loader as sharedLoader } from "~/routes/shared-results.$code";
import { createTestDb } from "../support/db";
import { downloadLoader } from "../support/downloads";
import { createStaff } from "../support/factories";
import { useDatabaseForApp } from "../support/requests";
import { callAs, closedSurveyWithAnswers, formPost } from "../support/results-data";

const heatmapCsv = downloadLoader("heatmap.csv");
const heatmapXlsx = downloadLoader("heatmap.xlsx");

/**
 * Every figure of "from results to action" on a survey answered on the web, whose groups were fixed
 * when it opened: the heatmap (page and downloads), managers' pages, the report, the summary shared
 * with staff and the evaluation of last year's actions. Each shows nothing while the survey is open,
 * and afterwards only the groups the responses store: a 課 whose staff are too few to report was
 * stored as 非公表 and never appears under its own name, whoever looks.
 */
const db = await createTestDb();
useDatabaseForApp(db);
const actor = { id: null, label: "test" };
async function staffIn(departmentPath: string, count: number) {
  const created = [];
  for (let i = 0; i < count; i++) created.push(await createStaff(db, { departmentPath }));
  return created;
}

// 税務課 8, 戸籍住民課 6, 福祉課 7; 人事課 2 and 総務課 3 are each under the minimum of 5, so their
// department is withheld at open and together they form the group 非公表 (5).
const hr = await createStaff(db, { role: "hr", departmentPath: "区民部/税務課/課税係" });
const taxChief = await createStaff(db, { departmentPath: "区民部/税務課/課税係", jobLevel: "section_chief" });
const taxStaff = [hr, taxChief, ...(await staffIn("区民部/税務課/収納係", 6))];
const registry = await staffIn("区民部/戸籍住民課/戸籍係", 6);
const welfare = await staffIn("福祉部/福祉課/福祉係", 7);
const personnelChief = await createStaff(db, { departmentPath: "総務部/人事課/人事係", jobLevel: "section_chief" });
const personnel = [personnelChief, await createStaff(db, { departmentPath: "総務部/人事課/人事係" })];
const generalDirector = await createStaff(db, { departmentPath: "総務部/総務課/庶務係", jobLevel: "director" });
const general = [generalDirector, ...(await staffIn("総務部/総務課/庶務係", 2))];

/** Each group answers every question with its own value, so a leaked mean names its group. */
const groups: [staff: { id: number }[], value: number][] = [
  [taxStaff, 4],
  [registry, 3],
  [welfare, 2],
  [personnel, 1],
  [general, 1],
];

// Last year: imported, closed, with an action on Q08 that this year's survey is to evaluate.
await closedSurveyWithAnswers(db, "gate-2025", 2025, [
  ["区民部", 10, 2],
  ["福祉部", 10, 2],
]);
await createAction(
  db,
  actor,
  "gate-2025",
  { title: "1on1を全課で", owner: "人事課", dueOn: "2026-03-31", status: "done", unitPath: null, targets: [{ kind: "kpi", code: "Q08" }] },
  { kind: "all" },
);

const CODE = "gate-2026";
await createSurveyFromPrevious(db, "gate-2025", { code: CODE, fiscalYear: 2026 }, actor);
await setReportingDimensions(db, CODE, { department: "section", job_level: null, age_band: null, employment_type: null }, actor);
await setSurveyStatus(db, CODE, "open", actor);
const definition = (await loadSurveyDefinition(db, CODE))!;
for (const [members, value] of groups) {
  const answers = Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, value]));
  for (const member of members) await submitResponse(db, definition, member.id, answers);
}

const call = (route: Parameters<typeof callAs>[1], staffId: number, path: string, init?: RequestInit) => callAs(db, route, staffId, path, { code: CODE }, init);
async function dataOf<T>(route: Parameters<typeof callAs>[1], staffId: number, path: string): Promise<T> {
  const response = await call(route, staffId, path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}
const unitPage = (staffId: number, unit: string) => dataOf<SerializeFrom<typeof unitLoader>>(unitLoader, staffId, `/results/${CODE}/unit?${new URLSearchParams({ unit })}`);
const heatmapExports = () => db.selectFrom("audit_log").select("detail").where("action", "=", "results.export").where("detail", "like", '%"heatmap"%').execute();

describe("while the survey is open", () => {
  it("the heatmap page, its downloads and the report give no figures, and no download is audited", async () => {
    const page = await dataOf<SerializeFrom<typeof heatmapLoader>>(heatmapLoader, hr.id, `/results/${CODE}/heatmap`);
    expect(page.heatmap).toBeNull();
    expect(page.withheld).toBe("survey_open");
    for (const route of [heatmapCsv, heatmapXlsx]) {
      const refused = await call(route, hr.id, `/results/${CODE}/heatmap.csv?by=department`);
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain("回答受付中");
    }
    expect(await heatmapExports()).toEqual([]);
    const report = await dataOf<SerializeFrom<typeof reportLoader>>(reportLoader, hr.id, `/results/${CODE}/report`);
    expect(report.figures).toBeNull();
  });

  it("a 課長's page shows neither the ward nor their 課", async () => {
    const page = await unitPage(taxChief.id, "区民部/税務課");
    expect(page.ward).toBeNull();
    expect(page.heatmap).toBeNull();
    expect(page.withheld).toBe("survey_open");
  });

  it("last year's action is listed without a change: the open year gives no mean", async () => {
    const [evaluated] = await evaluateEarlierActions(db, CODE, { kind: "all" });
    expect(evaluated?.changes).toEqual([{ code: "Q08", before: 2, after: null, change: null }]);
  });

  it("the summary cannot be shared with staff", async () => {
    const refused = await call(shareAction, hr.id, `/results/${CODE}/share`, formPost([["summaryJa", "速報"], ["summaryEn", "Early"]]));
    expect(refused.status).toBe(400);
    expect(await db.selectFrom("survey_publications").selectAll().execute()).toEqual([]);
  });
});

describe("after it closes", () => {
  it("the heatmap's groups are those the responses store: the two small 課 only as 非公表", async () => {
    await setSurveyStatus(db, CODE, "closed", actor);
    const page = await dataOf<SerializeFrom<typeof heatmapLoader>>(heatmapLoader, hr.id, `/results/${CODE}/heatmap?by=department`);
    expect(page.heatmap!.rows.map((row) => [row.group, row.respondents])).toEqual(
      expect.arrayContaining([
        ["区民部/税務課", 8],
        ["区民部/戸籍住民課", 6],
        ["福祉部/福祉課", 7],
        ["非公表", 5],
      ]),
    );
    expect(page.heatmap!.rows).toHaveLength(4);
    expect(JSON.stringify(page)).not.toContain("総務部");
  });

  it("downloads the heatmap, audited with the rows given", async () => {
    const response = await call(heatmapCsv, hr.id, `/results/${CODE}/heatmap.csv?by=department&against=target`);
    expect(response.status).toBe(200);
    const lines = decodeCsvBytes(new Uint8Array(await response.arrayBuffer())).text.split("\r\n").filter((line) => line !== "");
    expect(lines.find((line) => line.startsWith("区民部/税務課,8,4.000,"))).toBeDefined();
    expect(lines.some((line) => line.startsWith("総務部"))).toBe(false);
    const [entry] = await heatmapExports();
    expect(JSON.parse(entry!.detail)).toMatchObject({ survey: CODE, table: "heatmap", by: "department", against: "target", format: "csv" });
  });

  it("no manager view shows a group below the minimum: the 総務部長 and the 人事課長 see no unit figures at all", async () => {
    for (const [head, unit] of [
      [generalDirector, "総務部"],
      [personnelChief, "総務部/人事課"],
    ] as const) {
      const page = await unitPage(head.id, unit);
      expect(page.coverage).toBe("none");
      expect(page.heatmap!.rows).toEqual([]);
      // Their own staff answered 1 to everything: not one 1.000 reaches them, as a unit or as a cell.
      expect(JSON.stringify(page.heatmap)).not.toContain('"mean":1');
      expect(page.ward).not.toBeNull();
    }
    const tax = await unitPage(taxChief.id, "区民部/税務課");
    expect(tax.heatmap!.rows).toEqual([expect.objectContaining({ group: "区民部/税務課", respondents: 8 })]);
    expect(tax.heatmap!.rows[0]!.cells[0]).toMatchObject({ hidden: false, mean: 4 });
  });

  it("last year's action shows Q08's change, from the figures the gate gives", async () => {
    const [evaluated] = await evaluateEarlierActions(db, CODE, { kind: "all" });
    // (8×4 + 6×3 + 7×2 + 5×1) / 26 = 69 / 26 = 2.654.
    expect(evaluated?.changes).toEqual([{ code: "Q08", before: 2, after: 2.654, change: 0.654 }]);
  });

  it("staff see their own 課 only where their answers were counted under it", async () => {
    expect((await call(shareAction, hr.id, `/results/${CODE}/share`, formPost([["summaryJa", "結果"], ["summaryEn", "Results"]]))).status).toBe(302);
    type Shared = SerializeFrom<typeof sharedLoader>;
    const registryView = await dataOf<Shared>(sharedLoader, registry[0]!.id, `/shared-results/${CODE}`);
    expect(registryView.ownUnit).toMatchObject({ group: "区民部/戸籍住民課", respondents: 6 });
    const personnelView = await dataOf<Shared>(sharedLoader, personnel[1]!.id, `/shared-results/${CODE}`);
    expect(personnelView.ownUnit).toBeNull();
    expect(JSON.stringify(personnelView)).not.toContain("総務部");
  });
});

describe("a person whose department was withheld at open", () => {
  it("sees no own unit, though their 課 is shown: their answers were counted under 非公表", async () => {
    // Five 課 of six 主事 and one 係長 each: a lone 係長 shares their 課 with nobody of their level,
    // so the five 係長 are stored together as (非公表, 係長), and each 課 is reported by its 主事.
    const sections = ["企画部/企画課", "企画部/広報課", "環境部/環境課", "環境部/清掃課", "保健部/保健課"];
    const members: { id: number }[] = [];
    const unitChiefs: { id: number }[] = [];
    for (const section of sections) {
      members.push(...(await staffIn(`${section}/第一係`, 6)));
      unitChiefs.push(await createStaff(db, { departmentPath: `${section}/第一係`, jobLevel: "unit_chief" }));
    }
    await createSurveyFromPrevious(db, "gate-2025", { code: "gate-levels", fiscalYear: 2026 }, actor);
    await setReportingDimensions(db, "gate-levels", { department: "section", job_level: "level", age_band: null, employment_type: null }, actor);
    await setSurveyStatus(db, "gate-levels", "open", actor);
    const levels = (await loadSurveyDefinition(db, "gate-levels"))!;
    const answers = Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, 3]));
    for (const person of [...members, ...unitChiefs]) await submitResponse(db, levels, person.id, answers);
    await setSurveyStatus(db, "gate-levels", "closed", actor);
    const publish = formPost([["summaryJa", "結果"], ["summaryEn", "Results"]]);
    expect((await callAs(db, shareAction, hr.id, "/results/gate-levels/share", { code: "gate-levels" }, publish)).status).toBe(302);

    const view = async (staffId: number) =>
      (await (await callAs(db, sharedLoader, staffId, "/shared-results/gate-levels", { code: "gate-levels" })).json()) as SerializeFrom<typeof sharedLoader>;
    expect((await view(members[0]!.id)).ownUnit).toMatchObject({ group: "企画部/企画課", respondents: 6 });
    expect((await view(unitChiefs[0]!.id)).ownUnit).toBeNull();
  });
});
