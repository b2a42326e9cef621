/**
 * npm run bench: how long the KPI results take at 1,000 and 100,000 responses, read from the
 * running tallies (what the app does) and, for comparison, aggregated from the raw answers; then
 * write-side figures (tests/bench/writes.ts). `npm run bench -- --only import` (or kpi,
 * submissions) narrows the run; BENCH_IMPORT_MILLION=1 adds an import of 1,000,000 responses.
 * Prints figures; asserts nothing (timings belong here, not in tests).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { seededRandom, syntheticAnswerSheets } from "~/domain/survey/synthetic";
import { importResponses } from "~/models/responses.server";
import { getSurveyResults } from "~/models/results.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { benchWrites } from "./writes";

const { values: options } = parseArgs({ options: { only: { type: "string", default: "kpi,submissions,import" } } });
const MEASURES = new Set(options.only.split(","));
const SIZES = [1_000, 100_000];
const RUNS = 30;
const DEPARTMENTS = ["総務部", "企画経営部", "区民生活部", "福祉部", "子ども未来部", "都市環境部", "健康推進部", "地域振興部"];
const AGE_BANDS = ["29歳以下", "30歳～39歳", "40歳～49歳", "50歳以上"];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const dir = mkdtempSync(path.join(tmpdir(), "yell-bench-"));
try {
  if (MEASURES.has("kpi")) await benchKpiResults();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

await benchWrites({ submissions: MEASURES.has("submissions"), imports: MEASURES.has("import") });

async function benchKpiResults() {
  console.log(`KPI results, median of ${RUNS} runs (ms)`);
  console.log("responses | load answers | overall (tallies) | by department (tallies) | overall from raw answers");
  for (const size of SIZES) {
    const db = createDb(path.join(dir, `bench-${size}.sqlite`));
    await migrateToLatest(db);
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "bench", fiscalYear: 2023 }, { id: null, label: "bench" });
    const definition = (await loadSurveyDefinition(db, "bench"))!;
    const random = seededRandom(size);
    const sheets = syntheticAnswerSheets(shinagawaFy2023.questions.map((q) => ({ code: q.code, mean: q.baseline.value })), size, random);
    const rows = sheets.map((answers, i) => ({
      groups: {
        department: DEPARTMENTS[i % DEPARTMENTS.length]!,
        job_level: i % 5 === 0 ? "主任" : "主事",
        age_band: AGE_BANDS[i % AGE_BANDS.length]!,
        employment_type: i % 8 === 0 ? "会計年度任用" : "常勤",
      },
      answers,
    }));
    const loadStart = performance.now();
    await importResponses(db, definition, rows, { id: null, label: "bench" });
    const load = performance.now() - loadStart;

    const overall = await timed(() => getSurveyResults(db, "bench"));
    const byDepartment = await timed(() => getSurveyResults(db, "bench", "department"));
    const questionIds = definition.sections.flatMap((s) => s.questions).map((q) => q.id);
    const raw = await timed(() =>
      db
        .selectFrom("response_answers")
        .select((eb) => ["question_id", "value", eb.fn.countAll<number>().as("count")])
        .where("question_id", "in", questionIds)
        .groupBy(["question_id", "value"])
        .execute(),
    );
    console.log(
      `${String(size).padStart(9)} | ${load.toFixed(0).padStart(12)} | ${overall.toFixed(2).padStart(17)} | ${byDepartment.toFixed(2).padStart(23)} | ${raw.toFixed(2).padStart(24)}`,
    );
    await db.destroy();
  }
}
