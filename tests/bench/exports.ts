/**
 * npm run bench:exports: how long the row-level export of 100,000 responses takes as CSV and as
 * XLSX, streamed as the download route streams it, and how much the process's memory grows while
 * it runs. Prints figures; asserts nothing (timings belong here, not in tests).
 *
 * The responses are written through the import's write path (so each row carries its encoded
 * answers as it would in use); the database is then opened afresh, as the server finds it after a
 * CLI import, and the export runs through the same use-case and response builder as
 * /results/:code/responses.(csv|xlsx). The first export of each format is printed on its own
 * (SQLite's page cache and the JIT still cold), then the median of warm runs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import type { ExportFormat } from "~/domain/export/table-file";
import { seededRandom, syntheticAnswerSheets } from "~/domain/survey/synthetic";
import { dictionaryFor } from "~/i18n";
import { exportResponses } from "~/models/response-export.server";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";
import { streamedDownload } from "~/utils/exports.server";

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const RUNS = 3;
const actor = { id: null, label: "bench" };
const DEPARTMENTS = ["総務部", "企画経営部", "区民生活部", "福祉部", "子ども未来部", "都市環境部", "健康推進部", "地域振興部"];
const AGE_BANDS = ["29歳以下", "30歳～39歳", "40歳～49歳", "50歳以上"];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const dir = mkdtempSync(path.join(tmpdir(), "yell-bench-exports-"));
const databasePath = path.join(dir, "bench.sqlite");
const seeding = createDb(databasePath);
try {
  await migrateToLatest(seeding);
  await createSurveyFromTemplate(seeding, shinagawaFy2023.code, { code: "bench", fiscalYear: 2023 }, actor);
  const definition = (await loadSurveyDefinition(seeding, "bench"))!;
  const sheets = syntheticAnswerSheets(
    shinagawaFy2023.questions.map((q) => ({ code: q.code, mean: q.baseline.value })),
    RESPONSES,
    seededRandom(RESPONSES),
  );
  const seedStart = performance.now();
  await importResponses(
    seeding,
    definition,
    sheets.map((answers, i) => ({
      groups: {
        department: DEPARTMENTS[i % DEPARTMENTS.length]!,
        job_level: i % 5 === 0 ? "主任" : i % 5 === 1 ? "係長級" : "主事",
        age_band: AGE_BANDS[i % AGE_BANDS.length]!,
        employment_type: i % 8 === 0 ? "会計年度任用" : "常勤",
      },
      answers,
    })),
    actor,
  );
  await setSurveyStatus(seeding, "bench", "closed", actor);
  console.log(`${RESPONSES.toLocaleString("en")} responses × ${shinagawaFy2023.questions.length} answers imported in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
} finally {
  await seeding.destroy();
}

const db = createDb(databasePath);
try {
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
  console.log(`row-level export: wall time | CPU time | file size | peak RSS growth over the run's start`);
  const line = (label: string, runs: Awaited<ReturnType<typeof once>>[]) =>
    console.log(
      `${label.padEnd(20)} | ${median(runs.map((r) => r.seconds)).toFixed(2)} s | ${median(runs.map((r) => r.cpuSeconds)).toFixed(2)} s | ${(runs[0]!.bytes / 1024 / 1024).toFixed(1)} MB | +${median(runs.map((r) => r.growthMb)).toFixed(0)} MB RSS`,
    );
  for (const format of ["csv", "xlsx"] as const) {
    line(`${format} first`, [await once(format)]);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(format));
    line(`${format} median of ${RUNS}`, runs);
  }
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
