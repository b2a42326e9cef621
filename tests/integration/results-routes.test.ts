import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { loader as pageLoader } from "~/routes/results.$code";
import { loader as listLoader } from "~/routes/results._index";
import { createTestDb } from "../support/db";
import { downloadLoader } from "../support/downloads";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const csvLoader = downloadLoader("kpi.csv");
const xlsxLoader = downloadLoader("kpi.xlsx");

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { role: "staff" });
const actor = { id: null, label: "test" };

/** Respondents per department: 総務部 is under the minimum of 5, and alone it hides fewer than 5. */
const DEPARTMENT_SIZES: [string, number][] = [
  ["総務部", 3],
  ["企画部", 5],
  ["区民部", 6],
  ["福祉部", 8],
];
const FORMULA_TEXT = "=HYPERLINK(\"http://example.test\")";

async function surveyWithResponses(code: string, fiscalYear: number, sizes: [string, number][]) {
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code, fiscalYear }, actor);
  // A statement that a spreadsheet would run as a formula, as a careless template edit could leave.
  await db.updateTable("survey_questions").set({ text_ja: FORMULA_TEXT }).where("code", "=", "Q02").execute();
  const definition = (await loadSurveyDefinition(db, code))!;
  const rows = sizes.flatMap(([department, count]) => Array.from({ length: count }, () => department));
  await importResponses(
    db,
    definition,
    // 13 answers of 3 and 9 of 2 over 22 people: mean 57 / 22 = 2.591 on every question.
    rows.map((department, index) => {
      const value = index < 13 ? 3 : 2;
      return {
        groups: { department, job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" },
        answers: Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, value])),
      };
    }),
    actor,
  );
}

await surveyWithResponses("results-test", 2023, DEPARTMENT_SIZES);
await surveyWithResponses("results-tiny", 2024, [["総務部", 3]]);

const args = async (staffId: number, path: string, code: string) => ({
  request: await requestAs(db, staffId, path),
  params: { code },
  context: {},
});

async function pageData(path: string) {
  const response = await responseOf(async () => pageLoader(await args(hr.id, path, path.split(/[/?]/)[2]!)));
  expect(response.status).toBe(200);
  return (await response.json()) as SerializeFrom<typeof pageLoader>;
}

async function download(loader: typeof csvLoader, path: string, staffId = hr.id) {
  return responseOf(async () => loader(await args(staffId, path, path.split("/")[2]!)));
}

describe("the results pages", () => {
  it("list the surveys with their fiscal year", async () => {
    const response = await responseOf(async () => listLoader({ request: await requestAs(db, hr.id, "/results"), params: {}, context: {} }));
    const { surveys } = (await response.json()) as { surveys: { code: string; fiscal_year: number }[] };
    expect(surveys.map((s) => s.code)).toEqual(["results-tiny", "results-test"]);
  });

  it("give the KPI figures at 3 decimals from the tallies", async () => {
    const data = await pageData("/results/results-test");
    expect(data.participation.respondents).toBe(22);
    const q01 = data.figures!.questions.find((q) => q.code === "Q01")!;
    expect(q01).toMatchObject({ n: 22, mean: 2.591, target: 3, achieved: false, changeFromBaseline: 0.014, favourableShare: 0.591 });
    expect(q01.baseline).toEqual({ value: 2.577, fiscalYear: 2023 });
    expect(data.figures!.logicModel!.intermediateOutcomes.map((o) => o.status)).toEqual(["none_achieved", "none_achieved", "none_achieved"]);
  });

  it("hide a small department, and the next-smallest because the hidden ones hold fewer than the minimum together", async () => {
    const { figures } = await pageData("/results/results-test?by=department");
    const groups = figures!.breakdown!.groups;
    // 総務部 is the roster's (the staff factory's) 部, so it comes first; the rest by name.
    expect(groups.filter((g) => g.suppressed)).toEqual([
      { group: "総務部", suppressed: true },
      { group: "企画部", suppressed: true },
    ]);
    expect(groups.filter((g) => !g.suppressed).map((g) => g.group)).toEqual(["区民部", "福祉部"]);
  });

  it("ignore an unknown breakdown and say so", async () => {
    const data = await pageData("/results/results-test?by=name");
    expect(data.invalidBreakdown).toBe(true);
    expect(data.figures!.breakdown).toBeNull();
  });

  it("send no figures at all for a survey with fewer respondents than the minimum", async () => {
    const data = await pageData("/results/results-tiny");
    expect(data.participation.respondents).toBe(3);
    expect(data.figures).toBeNull();
    expect((await download(csvLoader, "/results/results-tiny/kpi.csv")).status).toBe(409);
  });

  it("answer 404 for an unknown survey", async () => {
    const response = await responseOf(async () => pageLoader(await args(hr.id, "/results/nope", "nope")));
    expect(response.status).toBe(404);
    expect((await download(xlsxLoader, "/results/nope/kpi.xlsx")).status).toBe(404);
  });

  it("refuse staff on the page and both exports", async () => {
    const page = await responseOf(async () => pageLoader(await args(staff.id, "/results/results-test", "results-test")));
    expect(page.status).toBe(403);
    expect((await download(csvLoader, "/results/results-test/kpi.csv", staff.id)).status).toBe(403);
    expect((await download(xlsxLoader, "/results/results-test/kpi.xlsx", staff.id)).status).toBe(403);
  });
});

describe("the KPI exports", () => {
  it("give a CSV that Japanese Excel opens: BOM, Japanese headers, plain numbers, no formulas", async () => {
    const response = await download(csvLoader, "/results/results-test/kpi.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="results-test-kpi.csv"; filename*=UTF-8''${encodeURIComponent("results-test_KPI表.csv")}`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe(
      "設問,指標,設問文,回答数,平均値,基準値,基準年度,目標値,基準値からの変化,目標達成,肯定的回答率,回答1の数,回答2の数,回答3の数,回答4の数",
    );
    const q01 = lines.find((line) => line.startsWith("Q01,"))!;
    expect(q01).toMatch(/,22,2\.591,2\.577,2023,3\.000,0\.014,未達成,0\.591,0,9,13,0$/);
    const q02 = lines.find((line) => line.startsWith("Q02,"))!;
    expect(q02).toContain(`"'=HYPERLINK(""http://example.test"")"`);
  });

  it("give an XLSX workbook and a breakdown with its hidden groups named", async () => {
    const response = await download(xlsxLoader, "/results/results-test/kpi.xlsx?by=department");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toContain('filename="results-test-kpi-department.xlsx"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 2))).toBe("PK");
  });

  it("refuse an unknown breakdown with 400", async () => {
    expect((await download(csvLoader, "/results/results-test/kpi.csv?by=name")).status).toBe(400);
  });

  it("answer 404 for a file that is no download, whoever asks", async () => {
    for (const name of ["kpi.pdf", "summary.csv", "kpi", "kpi.csv.csv"]) {
      const path = `/results/results-test/${name}`;
      expect((await download(downloadLoader(name), path)).status).toBe(404);
      expect((await download(downloadLoader(name), path, staff.id)).status).toBe(404);
    }
  });

  it("write every download to the audit log: who, what, how many rows", async () => {
    const exports = await db
      .selectFrom("audit_log")
      .select(["actor_id", "actor_label", "detail", "row_count"])
      .where("action", "=", "results.export")
      .orderBy("id")
      .execute();
    expect(exports.map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }))).toEqual([
      {
        actor_id: hr.id,
        actor_label: hr.employee_number,
        detail: { survey: "results-test", table: "kpi", by: null, format: "csv" },
        row_count: 15,
      },
      {
        actor_id: hr.id,
        actor_label: hr.employee_number,
        // 15 questions for each of the 2 shown departments, and one line for each hidden one.
        detail: { survey: "results-test", table: "kpi", by: "department", format: "xlsx" },
        row_count: 32,
      },
    ]);
  });
});
