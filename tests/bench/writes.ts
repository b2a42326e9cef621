/**
 * Write-side figures for `npm run bench`: survey submissions through the group commit (in
 * process, 10 at a time, as 10 connections would send them) and answer imports from CSV at
 * 100,000 rows (1,000,000 with BENCH_IMPORT_MILLION=1). Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import type { Database } from "#db/schema";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { seededRandom, syntheticAnswerSheets } from "~/domain/survey/synthetic";
import { importResponsesFromCsv, submitResponse } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";

const actor = { id: null, label: "bench" };
const QUESTIONS = shinagawaFy2023.questions.map((q) => ({ code: q.code, mean: q.baseline.value }));
const DEPARTMENTS = ["総務部", "企画経営部", "区民生活部", "福祉部", "子ども未来部", "都市環境部", "健康推進部", "地域振興部"];
const AGE_BANDS = ["29歳以下", "30歳～39歳", "40歳～49歳", "50歳以上"];

async function freshDb(dir: string, name: string) {
  const db = createDb(path.join(dir, `${name}.sqlite`));
  await migrateToLatest(db);
  return db;
}

async function insertStaff(db: Kysely<Database>, count: number) {
  const now = new Date().toISOString();
  const departments = await Promise.all(
    DEPARTMENTS.map(async (name) =>
      (await db.insertInto("departments").values({ parent_id: null, name, path: name, depth: 1, created_at: now }).returning("id").executeTakeFirstOrThrow()).id,
    ),
  );
  const levels = ["staff", "senior_staff", "unit_chief", "section_chief"];
  for (let i = 0; i < count; i += 500) {
    await db
      .insertInto("staff")
      .values(
        Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
          employee_number: `B${String(i + j).padStart(6, "0")}`,
          name: `ベンチ ${i + j}`,
          name_kana: "ベンチ",
          email: null,
          department_id: departments[(i + j) % departments.length]!,
          job_level_code: levels[(i + j) % levels.length]!,
          employment_type_code: "regular",
          birth_year: 1965 + ((i + j) % 35),
          supervisor_number: null,
          role: "staff" as const,
          active: 1,
          password_hash: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  return (await db.selectFrom("staff").select("id").execute()).map((row) => row.id);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** submitResponse from 10 concurrent senders, each person once: submissions/s, p50/p99, stored. */
export async function benchSubmissions(dir: string, people = 3000, concurrency = 10) {
  const db = await freshDb(dir, "submissions");
  const staffIds = await insertStaff(db, people);
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "bench", fiscalYear: 2026 }, actor);
  await setSurveyStatus(db, "bench", "open", actor);
  const definition = (await loadSurveyDefinition(db, "bench"))!;
  const sheets = syntheticAnswerSheets(QUESTIONS, staffIds.length, seededRandom(3));
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < staffIds.length) {
        const index = next++;
        const sent = performance.now();
        await submitResponse(db, definition, staffIds[index]!, sheets[index]!);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const stored = await db.selectFrom("survey_responses").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  latencies.sort((a, b) => a - b);
  console.log(`\nSubmissions (in process, ${concurrency} at a time, group commit + WAL truncation after each batch)`);
  console.log(
    `${people} people: ${(people / seconds).toFixed(0)} submissions/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
      `acknowledged ${latencies.length}, stored ${Number(stored.n)}`,
  );
  await db.destroy();
}

function answersCsv(rows: number): Uint8Array {
  const sheets = syntheticAnswerSheets(QUESTIONS, rows, seededRandom(rows));
  const lines = [["所属", "年代", ...QUESTIONS.map((q) => q.code)].join(",")];
  sheets.forEach((sheet, i) => lines.push([DEPARTMENTS[i % DEPARTMENTS.length], AGE_BANDS[i % AGE_BANDS.length], ...QUESTIONS.map((q) => sheet[q.code])].join(",")));
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

/**
 * importResponsesFromCsv: seconds, memory the import adds at its peak, and the WAL left behind.
 * RSS rarely shrinks after garbage is collected, so the added figure can read 0 after a larger
 * earlier step; the peak itself is printed too.
 */
export async function benchImports(dir: string) {
  const sizes = process.env.BENCH_IMPORT_MILLION === "1" ? [100_000, 1_000_000] : [100_000];
  console.log("\nAnswer import from CSV (checked whole, then written in slices of 2,500 and published at once)");
  // CPU time is printed beside the wall time: on a shared machine the wall time says more about the neighbours.
  console.log(`load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);
  console.log("responses | seconds | CPU seconds | peak RSS added (MB) | peak RSS (MB) | WAL after (bytes)");
  for (const size of sizes) {
    const db = await freshDb(dir, `import-${size}`);
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "bench", fiscalYear: 2023 }, actor);
    const definition = (await loadSurveyDefinition(db, "bench"))!;
    const bytes = answersCsv(size);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const outcome = await importResponsesFromCsv(db, definition, bytes, actor);
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!outcome.ok) throw new Error(`bench import failed: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    const wal = statSync(path.join(dir, `import-${size}.sqlite-wal`)).size;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(`${String(size).padStart(9)} | ${seconds.toFixed(2).padStart(7)} | ${cpuSeconds.toFixed(2).padStart(11)} | ${((peak - baseline) / 1e6).toFixed(0).padStart(19)} | ${(peak / 1e6).toFixed(0).padStart(13)} | ${wal}`);
    await db.destroy();
  }
}

/** Both (or those asked for), on databases in their own temporary folder. */
export async function benchWrites(measures = { submissions: true, imports: true }) {
  const dir = mkdtempSync(path.join(tmpdir(), "yell-bench-writes-"));
  try {
    if (measures.submissions) await benchSubmissions(dir);
    if (measures.imports) await benchImports(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
