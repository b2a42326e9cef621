/**
 * npm run bench:exports: how long the row-level export of 100,000 responses takes as CSV and as
 * XLSX, streamed as the download route streams it, and how much the process's memory grows while
 * it runs. Prints figures; asserts nothing (timings belong here, not in tests).
 *
 * The responses are written straight into a temp database with set-based SQL (the import's speed
 * is not what is measured here); the export then runs through the same use-case and response
 * builder as /results/:code/responses.(csv|xlsx).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import type { ExportFormat } from "~/domain/export/table-file";
import { dictionaryFor } from "~/i18n";
import { exportResponses } from "~/models/response-export.server";
import { createSurveyFromTemplate, setSurveyStatus } from "~/models/surveys.server";
import { streamedDownload } from "~/utils/exports.server";

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const RUNS = 3;
const actor = { id: null, label: "bench" };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const dir = mkdtempSync(path.join(tmpdir(), "yell-bench-exports-"));
const db = createDb(path.join(dir, "bench.sqlite"));
try {
  await migrateToLatest(db);
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "bench", fiscalYear: 2023 }, actor);
  const survey = await db.selectFrom("surveys").select("id").where("code", "=", "bench").executeTakeFirstOrThrow();

  const seedStart = performance.now();
  await sql`
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${RESPONSES - 1})
    insert into survey_responses (id, survey_id, submitted_on, source, department, job_level, age_band, employment_type)
    select lower(hex(randomblob(16))), ${survey.id}, '2024-01-15', 'import',
      case i % 8 when 0 then '総務部' when 1 then '企画経営部' when 2 then '区民生活部' when 3 then '福祉部'
        when 4 then '子ども未来部' when 5 then '都市環境部' when 6 then '健康推進部' else '地域振興部' end,
      case i % 5 when 0 then '主任' when 1 then '係長級' else '主事' end,
      case i % 4 when 0 then '29歳以下' when 1 then '30歳～39歳' when 2 then '40歳～49歳' else '50歳以上' end,
      case i % 8 when 0 then '会計年度任用' else '常勤' end
    from n`.execute(db);
  await sql`
    insert into response_answers (response_id, question_id, value, text_value)
    select r.id, q.id, 1 + abs(random()) % 4, null
    from survey_responses r cross join survey_questions q
    where r.survey_id = ${survey.id} and q.survey_id = ${survey.id}`.execute(db);
  await sql`
    insert into respondent_tallies (survey_id, dimension, group_name, count)
    select ${survey.id}, 'all', '', count(*) from survey_responses where survey_id = ${survey.id}
    union all select ${survey.id}, 'department', department, count(*) from survey_responses where survey_id = ${survey.id} group by department
    union all select ${survey.id}, 'job_level', job_level, count(*) from survey_responses where survey_id = ${survey.id} group by job_level
    union all select ${survey.id}, 'age_band', age_band, count(*) from survey_responses where survey_id = ${survey.id} group by age_band
    union all select ${survey.id}, 'employment_type', employment_type, count(*) from survey_responses where survey_id = ${survey.id} group by employment_type`.execute(db);
  await sql`
    insert into question_respondent_tallies (question_id, dimension, group_name, count)
    select question_id, 'all', '', count(*) from response_answers
    where question_id in (select id from survey_questions where survey_id = ${survey.id}) group by question_id`.execute(db);
  await setSurveyStatus(db, "bench", "closed", actor);
  console.log(`${RESPONSES.toLocaleString("en")} responses × ${shinagawaFy2023.questions.length} answers written in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const t = dictionaryFor("ja");
  async function once(format: ExportFormat) {
    collectGarbage();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const outcome = await exportResponses(db, { actor, format, t, locale: "ja" }, "bench");
    if (!outcome.ok) throw new Error(`export refused: ${outcome.reason}`);
    const reader = streamedDownload(outcome.file, format).body!.getReader();
    let bytes = 0;
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) bytes += piece.value.length;
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, bytes, growthMb: (peak - baseline) / 1024 / 1024 };
  }

  // CPU time is printed beside the wall time: on a shared machine the wall time says more about the neighbours.
  console.log(`load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);
  console.log(`row-level export, median of ${RUNS} runs: wall time | CPU time | file size | peak RSS growth over the run's start`);
  for (const format of ["csv", "xlsx"] as const) {
    await once(format); // warm-up
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(format));
    console.log(
      `${format.padEnd(4)} | ${median(runs.map((r) => r.seconds)).toFixed(2)} s | ${median(runs.map((r) => r.cpuSeconds)).toFixed(2)} s | ${(runs[0]!.bytes / 1024 / 1024).toFixed(1)} MB | +${median(runs.map((r) => r.growthMb)).toFixed(0)} MB RSS`,
    );
  }
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
