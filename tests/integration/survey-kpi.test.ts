import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { createSurveyCommand, importResponsesCommand, kpiCommand, setSurveyStatusCommand } from "~/commands/surveys";
import { cliActor } from "~/models/audit.server";
import { createSurveyFromPrevious, loadSurveyDefinition } from "~/models/surveys.server";
import { runCommand } from "../support/cli";
import { createTestDb } from "../support/db";
import { fy2023ResultsCsv, groupedCsv } from "../support/survey-files";

const db = await createTestDb();
const dir = mkdtempSync(path.join(tmpdir(), "yell-survey-"));
function file(name: string, content: string | Uint8Array) {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}
async function tableCounts() {
  const count = async (table: "survey_responses" | "response_answers" | "answer_tallies" | "respondent_tallies") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return {
    responses: await count("survey_responses"),
    answers: await count("response_answers"),
    tallies: await count("answer_tallies"),
    respondents: await count("respondent_tallies"),
  };
}

describe("the FY2023 KPI survey", () => {
  it("is created from the template by the CLI", async () => {
    const created = await runCommand(createSurveyCommand, db, ["--template", "shinagawa-fy2023", "--code", "fy2023", "--fiscal-year", "2023"]);
    expect(created).toMatchObject({ exitCode: 0 });
    expect(created.stdout).toContain("令和5年度 職員アンケート");
    const definition = await loadSurveyDefinition(db, "fy2023");
    expect(definition!.sections.flatMap((s) => s.questions).map((q) => q.code)).toEqual(shinagawaFy2023.questions.map((q) => q.code));
    expect(definition!.outcomes.map((o) => o.code)).toEqual(["01", "02", "03", "04", "05", "06", "11", "12", "13"]);
  });

  it("rejects a file with one bad cell, naming its line and column, and imports nothing", async () => {
    const lines = fy2023ResultsCsv().split("\r\n");
    lines[41] = lines[41]!.replace(/,[^,]*$/, ",とてもそう思う");
    const before = await tableCounts();
    const result = await runCommand(importResponsesCommand, db, ["--survey", "fy2023", "--file", file("bad.csv", lines.join("\r\n"))]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("42行目「Q15」列: 「とてもそう思う」は選択肢にありません。");
    expect(await tableCounts()).toEqual(before);
  });

  it("reproduces exactly the published baselines from a CP932 file, with targets by the city's rule", async () => {
    // fy2023ResultsCsv() converted with `iconv -f UTF-8 -t CP932`, as Excel on Japanese Windows saves it.
    const cp932 = fileURLToPath(new URL("../fixtures/responses/fy2023-published-cp932.csv", import.meta.url));
    const imported = await runCommand(importResponsesCommand, db, ["--survey", "fy2023", "--file", cp932]);
    expect(imported).toMatchObject({ exitCode: 0, stdout: "1736件の回答を取り込みました。\n" });

    const { stdout, exitCode } = await runCommand(kpiCommand, db, ["--survey", "fy2023", "--format", "json"]);
    expect(exitCode).toBe(0);
    const report = JSON.parse(stdout) as { respondents: number; questions: { code: string; n: number; mean: number; target: number; baseline: number }[] };
    expect(report.respondents).toBe(1736);
    const published = shinagawaFy2023.questions.map((q) => ({
      code: q.code,
      n: 1736,
      mean: q.baseline.value,
      baseline: q.baseline.value,
      target: q.baseline.value < 2.5 ? 2.5 : 3,
    }));
    expect(report.questions.map(({ code, n, mean, baseline, target }) => ({ code, n, mean, baseline, target }))).toEqual(published);
    expect(report.questions.map((q) => q.mean)).toEqual([
      2.577, 2.608, 2.972, 2.753, 2.804, 2.29, 2.506, 2.024, 2.557, 2.691, 2.166, 2.622, 2.505, 2.741, 2.628,
    ]);
  });

  it("prints the KPI table as CSV with Japanese headers and a byte order mark, and logs the export", async () => {
    const { stdout } = await runCommand(kpiCommand, db, ["--survey", "fy2023", "--format", "csv"]);
    const [header, q01] = stdout.split("\r\n");
    expect(header).toMatch(/^\uFEFF設問,指標,設問文,回答数,平均値,基準値,基準年度,目標値/);
    expect(q01).toContain(",1736,2.577,2.577,2023,3.000,0.000,未達成,");
    const audit = await db.selectFrom("audit_log").select(["actor_label", "row_count"]).where("action", "=", "results.export").execute();
    expect(audit).toEqual([{ actor_label: "cli", row_count: 15 }]);
  });

  it("carries the KPIs to next year's survey and links it to this one", async () => {
    const next = await createSurveyFromPrevious(db, "fy2023", { code: "fy2024", fiscalYear: 2024 }, cliActor);
    expect(next.title_ja).toBe("令和6年度 職員アンケート（現在の職場に関する調査）");
    const source = await loadSurveyDefinition(db, "fy2023");
    expect(next.previous_survey_id).toBe(source!.survey.id);
    const copied = await loadSurveyDefinition(db, "fy2024");
    const kpis = (d: typeof copied) => d!.sections.flatMap((s) => s.questions).map((q) => [q.code, q.kpi]);
    expect(kpis(copied)).toEqual(kpis(source));
  });
});

describe("breakdowns", () => {
  it("hide groups under the minimum, and the next-smallest when the hidden ones are fewer than the minimum", async () => {
    await runCommand(createSurveyCommand, db, ["--template", "shinagawa-fy2023", "--code", "groups", "--fiscal-year", "2025"]);
    const csv = file("groups.csv", groupedCsv({ 企画部: 3, 福祉部: 6, 総務部: 8, 区民部: 20 }));
    expect((await runCommand(importResponsesCommand, db, ["--survey", "groups", "--file", csv])).exitCode).toBe(0);
    const { stdout } = await runCommand(kpiCommand, db, ["--survey", "groups", "--by", "department"]);
    const groups = (JSON.parse(stdout) as { groups: { group: string; suppressed?: true; respondents?: number }[] }).groups;
    expect(groups.map((g) => [g.group, g.suppressed ?? g.respondents])).toEqual([
      ["企画部", true],
      ["区民部", 20],
      ["福祉部", true],
      ["総務部", 8],
    ]);
    expect(JSON.stringify(groups.filter((g) => g.suppressed))).not.toMatch(/respondents|mean/);
  });

  it("answer bad options with a usage error", async () => {
    await expect(runCommand(kpiCommand, db, ["--survey", "groups", "--by", "gender"])).rejects.toThrow(/--by/);
  });
});

describe("status", () => {
  it("moves draft → open → closed only, recording eligible staff at opening", async () => {
    expect((await runCommand(setSurveyStatusCommand, db, ["--survey", "fy2024", "--status", "open"])).exitCode).toBe(0);
    const reopen = await runCommand(setSurveyStatusCommand, db, ["--survey", "fy2024", "--status", "open"]);
    expect(reopen).toMatchObject({ exitCode: 1, stderr: "この状態からは変更できません。\n" });
    expect((await runCommand(setSurveyStatusCommand, db, ["--survey", "fy2024", "--status", "closed"])).exitCode).toBe(0);
  });
});

describe("anonymity by design", () => {
  it("keeps answers in tables without a person, a rowid or a time finer than the day", async () => {
    const tables = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'table'`.execute(db);
    const ddl = new Map(tables.rows.map((t) => [t.name, t.sql.toLowerCase()]));
    for (const table of ["survey_responses", "response_answers", "survey_participation"]) {
      expect(ddl.get(table), table).toContain("without rowid");
    }
    expect(ddl.get("survey_responses")).not.toMatch(/staff|employee|created_at|_at\b/);
    expect(ddl.get("survey_participation")).not.toMatch(/_at\b|_on\b|response/);
    const dates = await db.selectFrom("survey_responses").select("submitted_on").distinct().execute();
    for (const { submitted_on } of dates) expect(submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ids = await db.selectFrom("survey_responses").select("id").limit(50).execute();
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
