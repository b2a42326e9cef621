import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { crosstabCommand } from "~/commands/crosstab";
import { kpiCommand } from "~/commands/surveys";
import { messageAnalytics } from "~/models/message-analytics.server";
import { importResponses, submitResponse } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";
import { surveyTrend } from "~/models/trends.server";
import { loader as pageLoader } from "~/routes/results.$code";
import { loader as commentsLoader } from "~/routes/results.$code_.comments";
import { loader as crosstabLoader } from "~/routes/results.$code_.crosstab";
import { loader as reportLoader } from "~/routes/results.$code_.report";
import { runCommand } from "../support/cli";
import { createTestDb } from "../support/db";
import { downloadLoader } from "../support/downloads";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const crosstabCsv = downloadLoader("crosstab.csv");
const kpiCsv = downloadLoader("kpi.csv");
const kpiXlsx = downloadLoader("kpi.xlsx");
const ratesCsv = downloadLoader("rates.csv");
const responsesCsv = downloadLoader("responses.csv");
const responsesXlsx = downloadLoader("responses.xlsx");
const trendCsv = downloadLoader("trend.csv");

/**
 * Every consumer of answer figures, while the survey is open and after it closes: each one must
 * show nothing while open (so two downloads around one submission cannot be differenced) and
 * respect the per-question minimum after. A consumer that bypasses the gate fails here.
 */
const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr", departmentPath: "総務部/人事課" });
await createStaff(db, { departmentPath: "福祉部/福祉課" });
const actor = { id: null, label: "test" };
const CODE = "gate-fy2026";
const NOW = new Date("2026-11-20T03:00:00Z");

await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: CODE, fiscalYear: 2026 }, actor);
const survey = await db.selectFrom("surveys").selectAll().where("code", "=", CODE).executeTakeFirstOrThrow();
const section = await db.selectFrom("survey_sections").select("id").where("survey_id", "=", survey.id).orderBy("position", "desc").executeTakeFirstOrThrow();
const choice = await db
  .insertInto("survey_questions")
  .values({ survey_id: survey.id, section_id: section.id, position: 100, code: "X01", type: "single_choice", text_ja: "通勤手段", text_en: "Commute" })
  .returning("id")
  .executeTakeFirstOrThrow();
await db
  .insertInto("question_options")
  .values([
    { question_id: choice.id, value: 1, label_ja: "電車", label_en: "Train" },
    { question_id: choice.id, value: 2, label_ja: "自転車", label_en: "Bicycle" },
  ])
  .execute();
await db
  .insertInto("survey_questions")
  .values([
    { survey_id: survey.id, section_id: section.id, position: 101, code: "F01", type: "free_text", text_ja: "ご意見", text_en: "Comments", required: 0 },
    // A rating question that is not a KPI: no target, no verdict.
    { survey_id: survey.id, section_id: section.id, position: 102, code: "R01", type: "agreement", text_ja: "研修は役に立った", text_en: "Training helped", required: 0 },
  ])
  .execute();
const definition = (await loadSurveyDefinition(db, CODE))!;

/**
 * 20 respondents: 総務部 12 and 福祉部 8; job levels 主事 8, 主任 6, 係長級 6 (string order would put
 * 係長級 last); 3 of them 会計年度任用, who alone answer Q15 (a question with too few respondents).
 */
const people = Array.from({ length: 20 }, (_, index) => ({
  department: index < 12 ? "総務部" : "福祉部",
  job_level: index % 10 < 4 ? "主事" : index % 10 < 7 ? "主任" : "係長級",
  employment_type: index >= 17 ? "会計年度任用" : "常勤",
  index,
}));
await importResponses(
  db,
  definition,
  people.map((person) => ({
    groups: { department: person.department, job_level: person.job_level, age_band: "30歳～39歳", employment_type: person.employment_type },
    answers: {
      ...Object.fromEntries(shinagawaFy2023.questions.filter((q) => q.code !== "Q15").map((q) => [q.code, person.index % 2 === 0 ? 3 : 2])),
      ...(person.employment_type === "会計年度任用" ? { Q15: 1 } : {}),
      X01: person.index % 3 === 0 ? 2 : 1,
      F01: `意見${person.index}`,
      R01: 2,
    },
  })),
  actor,
);

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const args = async (path: string): Promise<LoaderFunctionArgs> => ({ request: await requestAs(db, hr.id, path), params: { code: CODE }, context: {} });
async function dataOf<L extends Loader>(loader: L, path: string): Promise<SerializeFrom<L>> {
  const response = await responseOf(async () => loader(await args(path)));
  expect(response.status).toBe(200);
  return (await response.json()) as SerializeFrom<L>;
}
const statusOf = async (loader: Loader, path: string) => (await responseOf(async () => loader(await args(path)))).status;

describe("while the survey is open", () => {
  it("opens", async () => {
    await setSurveyStatus(db, CODE, "open", actor);
  });

  it("the results page gives respondent counts and response rates only", async () => {
    const data = await dataOf(pageLoader, `/results/${CODE}?by=department`);
    expect(data.participation.respondents).toBe(20);
    // Rates are counted by the reporting groups fixed at open: this roster has one person per 部, fewer
    // than the minimum, so 部 is withheld for everyone and the rates show only the withheld group.
    expect(data.participation.departmentRates.map((row) => row.department)).toEqual(["非公表"]);
    expect(data.figures).toBeNull();
    expect(data.withheld).toBe("survey_open");
    expect(data.choiceQuestions).toEqual([]);
    expect(data.freeTextQuestions).toEqual([]);
  });

  it("the report gives no figures", async () => {
    const data = await dataOf(reportLoader, `/results/${CODE}/report`);
    expect(data.figures).toBeNull();
    expect(data.withheld).toBe("survey_open");
  });

  it("every figure download answers 409, so two downloads around one answer cannot be compared", async () => {
    expect(await statusOf(kpiCsv, `/results/${CODE}/kpi.csv`)).toBe(409);
    expect(await statusOf(kpiXlsx, `/results/${CODE}/kpi.xlsx?by=department`)).toBe(409);
    expect(await statusOf(crosstabCsv, `/results/${CODE}/crosstab.csv?question=X01&by=department`)).toBe(409);
    expect(await statusOf(responsesCsv, `/results/${CODE}/responses.csv`)).toBe(409);
    expect(await statusOf(responsesXlsx, `/results/${CODE}/responses.xlsx`)).toBe(409);
    const refused = await responseOf(async () => kpiCsv(await args(`/results/${CODE}/kpi.csv`)));
    expect(await refused.text()).toContain("回答受付中");
  });

  it("response rates, which are counts, still download", async () => {
    expect(await statusOf(ratesCsv, `/results/${CODE}/rates.csv`)).toBe(200);
  });

  it("the cross-tab page, the comments page and the trend give nothing", async () => {
    const crosstab = await dataOf(crosstabLoader, `/results/${CODE}/crosstab?question=X01&by=department`);
    expect(crosstab.crosstab).toBeNull();
    expect(crosstab.withheld).toBe("survey_open");
    const comments = await dataOf(commentsLoader, `/results/${CODE}/comments?question=F01`);
    expect(comments.listing).toBeNull();
    expect(comments.withheld).toBe("survey_open");
    const trend = (await surveyTrend(db, CODE))!;
    expect(trend.years).toEqual([{ code: CODE, fiscalYear: 2026, respondents: 20, figuresShown: false }]);
    expect(trend.rows.every((row) => row.cells.every((cell) => cell.mean === null))).toBe(true);
    const trendFile = await responseOf(async () => trendCsv(await args(`/results/${CODE}/trend.csv`)));
    const [header, ...lines] = (await trendFile.text()).split("\r\n").filter((line) => line !== "");
    expect(header).toContain("令和8年度（2026年度） 平均値");
    // Code, indicator, the year's mean (blank), baseline, target.
    expect(lines.map((line) => line.split(",")[2])).toEqual(lines.map(() => ""));
  });

  it("the CLI's kpi and crosstab print nothing and exit 1", async () => {
    for (const format of ["json", "csv"]) {
      const kpi = await runCommand(kpiCommand, db, ["--survey", CODE, "--format", format]);
      expect(kpi).toMatchObject({ exitCode: 1, stdout: "" });
      expect(kpi.stderr).toContain("回答受付中");
      const crosstab = await runCommand(crosstabCommand, db, ["--survey", CODE, "--question", "X01", "--by", "department", "--format", format]);
      expect(crosstab).toMatchObject({ exitCode: 1, stdout: "" });
    }
  });

  it("message analytics shows no survey outcome beside the activity", async () => {
    const analytics = await messageAnalytics(db, 2026, NOW);
    expect(analytics.survey?.code).toBe(CODE);
    expect(analytics.outcomes.total).toEqual({ kind: "suppressed" });
    expect(Object.values(analytics.outcomes.byDepartment).every((outcome) => outcome.kind === "suppressed")).toBe(true);
  });
});

describe("once the survey has closed", () => {
  it("closes", async () => {
    await setSurveyStatus(db, CODE, "closed", actor);
  });

  it("the results page gives the figures, but none for a question too few answered", async () => {
    const data = await dataOf(pageLoader, `/results/${CODE}`);
    expect(data.withheld).toBeNull();
    const questions = data.figures!.questions;
    expect(questions.find((q) => q.code === "Q01")).toMatchObject({ n: 20, mean: 2.5, withheld: false });
    // Q15: three answers of 1 — no n, no mean, no distribution leaves the server.
    expect(questions.find((q) => q.code === "Q15")).toMatchObject({ withheld: true, n: 0, mean: null, achieved: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0 } });
  });

  it("a rating question that is not a KPI has no target and no verdict", async () => {
    const data = await dataOf(pageLoader, `/results/${CODE}`);
    expect(data.figures!.questions.find((q) => q.code === "R01")).toMatchObject({ isKpi: false, mean: 2, target: null, achieved: null });
    const csv = await (await responseOf(async () => kpiCsv(await args(`/results/${CODE}/kpi.csv`)))).text();
    const r01 = csv.split("\r\n").find((line) => line.startsWith("R01,"))!.split(",");
    // target (8th) and achieved (10th) are empty; the mean is there.
    expect([r01[4], r01[7], r01[9]]).toEqual(["2.000", "", ""]);
  });

  it("the KPI breakdown lists job levels in the hierarchy's order", async () => {
    const data = await dataOf(pageLoader, `/results/${CODE}?by=job_level`);
    expect(data.figures!.breakdown!.groups.map((group) => group.group)).toEqual(["係長級", "主任", "主事"]);
    const departments = await dataOf(pageLoader, `/results/${CODE}?by=department`);
    // The roster lists 総務部 first (the HR officer's), then 福祉部; names alone would put 福祉部 first.
    expect(departments.figures!.breakdown!.groups.map((group) => group.group)).toEqual(["総務部", "福祉部"]);
  });

  it("the KPI download and the CLI withhold the question too few answered", async () => {
    const csv = await (await responseOf(async () => kpiCsv(await args(`/results/${CODE}/kpi.csv`)))).text();
    const q15 = csv.split("\r\n").find((line) => line.startsWith("Q15,"))!;
    // Code, indicator, statement, the note in place of n and mean, then only baseline, its year and target.
    expect(q15.split(",").slice(3)).toEqual(["（回答者が少ないため非表示）", "", "2.628", "2023", "3.000"]);
    const { stdout, exitCode } = await runCommand(kpiCommand, db, ["--survey", CODE]);
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as { questions: { code: string; withheld?: boolean; n?: number }[] };
    expect(json.questions.find((q) => q.code === "Q15")).toEqual({ code: "Q15", withheld: true, baseline: 2.628, target: 3 });
    expect(json.questions.find((q) => q.code === "Q01")?.n).toBe(20);
  });

  it("a breakdown hides a group's figure for a question that group answered too little", async () => {
    const data = await dataOf(pageLoader, `/results/${CODE}?by=department`);
    const groups = data.figures!.breakdown!.groups;
    for (const group of groups) {
      if (group.suppressed) throw new Error(`${group.group} should be shown`);
      expect(group.questions.find((q) => q.code === "Q01")!.withheld).toBe(false);
      // 福祉部 has all three who answered Q15: 3 < 5, hidden.
      expect(group.questions.find((q) => q.code === "Q15")!.withheld).toBe(group.group === "福祉部");
    }
  });

  it("the cross-tab, comments, trend and analytics give their figures", async () => {
    const crosstab = await dataOf(crosstabLoader, `/results/${CODE}/crosstab?question=X01&by=department`);
    expect(crosstab.crosstab!.groups).toEqual(["総務部", "福祉部"]);
    expect(await statusOf(crosstabCsv, `/results/${CODE}/crosstab.csv?question=X01&by=department`)).toBe(200);
    const comments = await dataOf(commentsLoader, `/results/${CODE}/comments?question=F01&by=department`);
    // 総務部 (12) reaches twice the minimum; 福祉部 (8) is listed without its name.
    expect(comments.listing!.groups.map((group) => [group.group, group.answers.length])).toEqual([
      ["総務部", 12],
      [null, 8],
    ]);
    const trend = (await surveyTrend(db, CODE))!;
    expect(trend.years[0]!.figuresShown).toBe(true);
    expect(trend.rows.find((row) => row.code === "Q01")!.cells[0]!.mean).toBe(2.5);
    expect(trend.rows.find((row) => row.code === "Q15")!.cells[0]!.mean).toBeNull();
    const analytics = await messageAnalytics(db, 2026, NOW);
    expect(analytics.outcomes.total).toEqual({ kind: "shown", means: { Q05: 2.5, Q15: null } });
  });

  it("every download is audited in the same breath as it is built", async () => {
    const before = (await db.selectFrom("audit_log").select("id").where("action", "=", "results.export").execute()).length;
    await statusOf(kpiCsv, `/results/${CODE}/kpi.csv?by=job_level`);
    await statusOf(responsesCsv, `/results/${CODE}/responses.csv`);
    await runCommand(crosstabCommand, db, ["--survey", CODE, "--question", "X01", "--by", "department", "--format", "csv"]);
    const entries = await db.selectFrom("audit_log").selectAll().where("action", "=", "results.export").orderBy("id", "desc").limit(3).execute();
    expect(entries.length).toBe(3);
    expect((await db.selectFrom("audit_log").select("id").where("action", "=", "results.export").execute()).length).toBe(before + 3);
    expect(entries.map((entry) => JSON.parse(entry.detail).table)).toEqual(["crosstab", "responses", "kpi"]);
    expect(entries.map((entry) => entry.actor_label)).toEqual(["cli", hr.employee_number, hr.employee_number]);
  });

  it("a refused download is not audited", async () => {
    const before = (await db.selectFrom("audit_log").select("id").where("action", "=", "results.export").execute()).length;
    expect(await statusOf(crosstabCsv, `/results/${CODE}/crosstab.csv?question=NOPE&by=department`)).toBe(404);
    expect((await db.selectFrom("audit_log").select("id").where("action", "=", "results.export").execute()).length).toBe(before);
  });
});

describe("row-level exports are k-anonymous, whatever is stored", () => {
  /** The group columns of every exported row, and how many rows share each combination. */
  async function exportedCombinations(code: string) {
    const response = await responseOf(async () => responsesCsv({ request: await requestAs(db, hr.id, `/results/${code}/responses.csv`), params: { code }, context: {} }));
    expect(response.status).toBe(200);
    const lines = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).subarray(3)).split("\r\n").filter((line) => line !== "");
    const rows = lines.slice(1).map((line) => line.split(",").slice(0, 4));
    const sizes = new Map<string, number>();
    for (const row of rows) sizes.set(row.join("|"), (sizes.get(row.join("|")) ?? 0) + 1);
    return { rows, sizes };
  }

  const DEPARTMENTS = ["総務部", "福祉部", "区民部"];
  const LEVELS = [
    ["staff", "主事"],
    ["senior_staff", "主任"],
    ["unit_chief", "係長級"],
  ] as const;
  const BIRTH_YEARS = [1995, 1985, 1975];
  const AGE_BANDS = ["30歳～39歳", "40歳～49歳", "50歳～59歳"];
  /** 30 people: each 部, 職層, 年代 and 雇用形態 holds at least 10, but most full combinations hold one. */
  const person = (i: number) => ({
    department: DEPARTMENTS[i % 3]!,
    level: LEVELS[Math.floor(i / 3) % 3]!,
    birthYear: BIRTH_YEARS[Math.floor(i / 9) % 3]!,
    ageBand: AGE_BANDS[Math.floor(i / 9) % 3]!,
    fiscalYearAppointed: i % 2 === 1,
  });
  const answers = Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, 3]));

  it("for imported answers whose file gives unique combinations", async () => {
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "unique-imported", fiscalYear: 2025 }, actor);
    const imported = (await loadSurveyDefinition(db, "unique-imported"))!;
    await importResponses(
      db,
      imported,
      Array.from({ length: 30 }, (_, i) => {
        const p = person(i);
        return {
          groups: { department: p.department, job_level: p.level[1], age_band: p.ageBand, employment_type: p.fiscalYearAppointed ? "会計年度任用" : "常勤" },
          answers,
        };
      }),
      actor,
    );
    const stored = await db
      .selectFrom("survey_responses")
      .select((eb) => ["department", "job_level", "age_band", "employment_type", eb.fn.countAll<number>().as("n")])
      .where("survey_id", "=", imported.survey.id)
      .groupBy(["department", "job_level", "age_band", "employment_type"])
      .execute();
    expect(stored.filter((row) => Number(row.n) === 1).length).toBeGreaterThan(10);

    const { rows, sizes } = await exportedCombinations("unique-imported");
    expect(rows).toHaveLength(30);
    for (const [combination, size] of sizes) expect(size, combination).toBeGreaterThanOrEqual(5);
    // Suppression is local: some group values survive.
    expect(rows.some((row) => row.some((cell) => cell !== ""))).toBe(true);
  });

  it("for web answers from a roster where combinations would be unique", async () => {
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "unique-web", fiscalYear: 2026 }, actor);
    const staff = [];
    for (let i = 0; i < 30; i++) {
      const p = person(i);
      staff.push(
        await createStaff(db, {
          departmentPath: `${p.department}/第一課`,
          jobLevel: p.level[0],
          birthYear: p.birthYear,
          employmentType: p.fiscalYearAppointed ? "fiscal_year" : "regular",
        }),
      );
    }
    await setSurveyStatus(db, "unique-web", "open", actor);
    const web = (await loadSurveyDefinition(db, "unique-web"))!;
    for (const member of staff) await submitResponse(db, web, member.id, answers);
    await setSurveyStatus(db, "unique-web", "closed", actor);

    const { rows, sizes } = await exportedCombinations("unique-web");
    expect(rows).toHaveLength(30);
    for (const [combination, size] of sizes) expect(size, combination).toBeGreaterThanOrEqual(5);
  });
});
