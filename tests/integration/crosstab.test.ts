import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crosstabCommand } from "~/commands/crosstab";
import { createSurveyCommand, importResponsesCommand } from "~/commands/surveys";
import { loadSurveyDefinition } from "~/models/surveys.server";
import { loader as pageLoader } from "~/routes/results.$code_.crosstab";
import { runCommand } from "../support/cli";
import { createTestDb } from "../support/db";
import { downloadLoader } from "../support/downloads";
import { createStaff } from "../support/factories";
import { FY2022_AGE_BANDS, FY2022_REASON_COUNTS, fy2022ReasonsCsv } from "../support/fy2022-files";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const csvLoader = downloadLoader("crosstab.csv");
const xlsxLoader = downloadLoader("crosstab.xlsx");

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { role: "staff" });

const dir = mkdtempSync(path.join(tmpdir(), "yell-crosstab-"));
function file(name: string, content: string) {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}
async function rowCounts() {
  const count = async (table: "survey_responses" | "response_answers" | "answer_tallies" | "respondent_tallies" | "question_respondent_tallies") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return Promise.all(
    (["survey_responses", "response_answers", "answer_tallies", "respondent_tallies", "question_respondent_tallies"] as const).map(count),
  );
}

interface CrosstabJson {
  question: string;
  by: string;
  groups: string[];
  suppressed?: string[];
  rows: { option: string; counts: Record<string, number>; total: number }[];
}

const PUBLISHED: CrosstabJson = {
  question: "REASONS",
  by: "age_band",
  groups: [...FY2022_AGE_BANDS],
  rows: FY2022_REASON_COUNTS.map((row) => ({
    option: row.option,
    counts: Object.fromEntries(FY2022_AGE_BANDS.map((band, index) => [band, row.counts[index]!])),
    total: row.total,
  })),
};

describe("the FY2022 excerpt template", () => {
  it("is created by the CLI with SAT for everyone and LEAVE → REASONS for all but fiscal-year appointed staff", async () => {
    const created = await runCommand(createSurveyCommand, db, ["--template", "shinagawa-fy2022-excerpt", "--code", "fy2022", "--fiscal-year", "2022"]);
    expect(created).toMatchObject({ exitCode: 0 });
    expect(created.stdout).toContain("令和4年度 職員アンケート（仕事や働き方に関するアンケート）");
    const definition = (await loadSurveyDefinition(db, "fy2022"))!;
    expect(definition.outcomes).toEqual([]);
    const [first, second] = definition.sections;
    expect(first!.eligibleEmploymentTypes).toBeNull();
    expect(first!.questions.map((q) => [q.code, q.type])).toEqual([["SAT", "satisfaction"]]);
    expect(second!.eligibleEmploymentTypes).not.toContain("fiscal_year");
    expect(second!.eligibleEmploymentTypes).toContain("regular");
    const [leave, reasons] = second!.questions;
    expect(leave!.options.map((o) => [o.value, o.label_ja])).toEqual([
      [1, "現在検討中"],
      [2, "過去に検討したことがある"],
      [3, "検討したことはない"],
    ]);
    expect(reasons).toMatchObject({ type: "multiple_choice", maxChoices: 2, showIf: { questionId: leave!.id, values: [1, 2] }, kpi: null });
    expect(reasons!.options.map((o) => o.label_ja)).toEqual(FY2022_REASON_COUNTS.map((row) => row.option));
  });
});

describe("importing choice answers", () => {
  const header = "所属,年代,SAT,LEAVE,REASONS";
  const good = "総務部,29歳以下,4,現在検討中,1;2";

  it.each([
    ["three reasons", `${good}\r\n総務部,29歳以下,4,1,1;2;3`, "3行目「REASONS」列: 「1;2;3」は選べる数（2つまで）を超えています。"],
    ["an unknown reason", `${good}\r\n総務部,29歳以下,4,1,通勤が大変`, "3行目「REASONS」列: 「通勤が大変」は選択肢にありません。"],
    ["an option number out of range", `${good}\r\n総務部,29歳以下,4,1,8`, "3行目「REASONS」列: 「8」は選択肢の範囲外です。"],
    ["reasons without having considered leaving", `${good}\r\n総務部,29歳以下,4,検討したことはない,2`, "3行目「REASONS」列: 「LEAVE」の回答からはこの設問に答えることはありません"],
  ])("rejects %s, naming line and column, and imports nothing", async (_name, body, message) => {
    const before = await rowCounts();
    const result = await runCommand(importResponsesCommand, db, ["--survey", "fy2022", "--file", file("bad.csv", `${header}\r\n${body}\r\n`)]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
    expect(await rowCounts()).toEqual(before);
  });

  it("reproduces the published reasons-by-age-band table through the crosstab command", async () => {
    const imported = await runCommand(importResponsesCommand, db, ["--survey", "fy2022", "--file", file("fy2022.csv", fy2022ReasonsCsv())]);
    expect(imported).toMatchObject({ exitCode: 0, stdout: "2216件の回答を取り込みました。\n" });
    const { stdout, exitCode } = await runCommand(crosstabCommand, db, ["--survey", "fy2022", "--question", "REASONS", "--by", "age_band", "--format", "json"]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual(PUBLISHED);
    expect(PUBLISHED.rows[0]!.counts).toEqual({ "29歳以下": 88, "30歳～39歳": 147, "40歳～49歳": 71, "50歳以上": 53 });
    expect(PUBLISHED.rows[6]!.counts).toEqual({ "29歳以下": 19, "30歳～39歳": 34, "40歳～49歳": 19, "50歳以上": 17 });
  });

  it("prints the cross-tab as CSV with Japanese headers and logs the export", async () => {
    const { stdout, exitCode } = await runCommand(crosstabCommand, db, ["--survey", "fy2022", "--question", "REASONS", "--by", "age_band", "--format", "csv"]);
    expect(exitCode).toBe(0);
    const [head, first] = stdout.split("\r\n");
    expect(head).toBe("\uFEFF選択肢,29歳以下,30歳～39歳,40歳～49歳,50歳以上,合計,回答者に占める割合,回答数（延べ）に占める割合");
    expect(first).toMatch(/^働き方に不満がある\(テレワーク・フレックスタイムがない等\),88,147,71,53,359,0\.\d{3},0\.\d{3}$/);
    const audit = await db.selectFrom("audit_log").select(["action", "detail"]).where("action", "=", "results.export").execute();
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toContainEqual({ survey: "fy2022", table: "crosstab", question: "REASONS", by: "age_band", format: "csv" });
  });

  it("refuses an unknown or non-choice question", async () => {
    const result = await runCommand(crosstabCommand, db, ["--survey", "fy2022", "--question", "SAT", "--by", "age_band"]);
    expect(result).toMatchObject({ exitCode: 1, stderr: "選択式の設問「SAT」はありません。\n" });
  });
});

describe("suppression", () => {
  it("withholds a small department and its complement, naming them only", async () => {
    await runCommand(createSurveyCommand, db, ["--template", "shinagawa-fy2022-excerpt", "--code", "small", "--fiscal-year", "2024"]);
    const sizes: [string, number][] = [
      ["総務部", 3],
      ["企画部", 6],
      ["区民部", 8],
    ];
    const lines = ["所属,SAT,LEAVE,REASONS"];
    for (const [department, count] of sizes) {
      for (let i = 0; i < count; i++) lines.push(`${department},3,${1 + (i % 3)},${i % 3 === 2 ? "" : `${1 + (i % 7)}`}`);
    }
    const imported = await runCommand(importResponsesCommand, db, ["--survey", "small", "--file", file("small.csv", `${lines.join("\n")}\n`)]);
    expect(imported.exitCode).toBe(0);
    const { stdout } = await runCommand(crosstabCommand, db, ["--survey", "small", "--question", "LEAVE", "--by", "department"]);
    const json = JSON.parse(stdout) as CrosstabJson;
    expect(json.groups).toEqual(["区民部"]);
    expect(new Set(json.suppressed)).toEqual(new Set(["企画部", "総務部"]));
    for (const row of json.rows) expect(Object.keys(row.counts)).toEqual(["区民部"]);
    expect(json.rows.map((r) => r.total)).toEqual([6, 6, 5]);
  });
});

describe("the cross-tab page and its exports", () => {
  const url = "/results/fy2022/crosstab?question=REASONS&by=age_band";
  const args = async (staffId: number, path: string) => ({ request: await requestAs(db, staffId, path), params: { code: "fy2022" }, context: {} });

  it("gives HR the same counts as the CLI, with shares of respondents and of picks", async () => {
    const response = await responseOf(async () => pageLoader(await args(hr.id, url)));
    expect(response.status).toBe(200);
    const data = (await response.json()) as {
      crosstab: { groups: string[]; rows: { label_ja: string; counts: Record<string, number>; total: number; shareOfRespondents: number; shareOfPicks: number }[]; respondents: { total: number }; picks: { total: number } };
    };
    expect(data.crosstab.groups).toEqual([...FY2022_AGE_BANDS]);
    expect(data.crosstab.rows.map((r) => ({ option: r.label_ja, counts: r.counts, total: r.total }))).toEqual(PUBLISHED.rows);
    expect(data.crosstab.picks.total).toBe(1614);
    // Respondents to REASONS (from question_respondent_tallies) are those who considered leaving, not all 2,216.
    const respondents = data.crosstab.respondents.total;
    const considered = fy2022ReasonsCsv()
      .split("\r\n")
      .filter((line) => /,(現在検討中|過去に検討したことがある),/.test(line)).length;
    expect(respondents).toBe(considered);
    expect(respondents).toBeLessThan(1614);
    expect(data.crosstab.rows[0]!.shareOfRespondents).toBe(Math.round((359 / respondents) * 1000) / 1000);
    expect(data.crosstab.rows[0]!.shareOfPicks).toBe(Math.round((359 / 1614) * 1000) / 1000);
  });

  it("refuses staff with 403", async () => {
    const response = await responseOf(async () => pageLoader(await args(staff.id, url)));
    expect(response.status).toBe(403);
    const csv = await responseOf(async () => csvLoader(await args(staff.id, url.replace("/crosstab?", "/crosstab.csv?"))));
    expect(csv.status).toBe(403);
  });

  it("exports the table as CSV and XLSX for HR, audit-logged", async () => {
    const csv = await responseOf(async () => csvLoader(await args(hr.id, url.replace("/crosstab?", "/crosstab.csv?"))));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = new TextDecoder().decode(await csv.arrayBuffer());
    expect(text).toContain("働き方に不満がある(テレワーク・フレックスタイムがない等),88,147,71,53,359,");
    const xlsx = await responseOf(async () => xlsxLoader(await args(hr.id, url.replace("/crosstab?", "/crosstab.xlsx?"))));
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const audit = await db.selectFrom("audit_log").select(["actor_label", "detail"]).where("action", "=", "results.export").execute();
    const details = audit.filter((a) => a.actor_label === hr.employee_number).map((a) => JSON.parse(a.detail) as { format: string; table: string });
    expect(details.filter((d) => d.table === "crosstab").map((d) => d.format).sort()).toEqual(["csv", "xlsx"]);
  });

  it("answers 400 to an export without a valid question or breakdown", async () => {
    const response = await responseOf(async () => csvLoader(await args(hr.id, "/results/fy2022/crosstab.csv?question=REASONS&by=height")));
    expect(response.status).toBe(400);
  });
});
