/**
 * npm run bench:load — the built server (build/server.js) under load, on a temporary database:
 * survey submissions/s (distinct staff, one POST each), survey page GET req/s signed in, a CLI
 * import of past answers and the response exports (CSV, XLSX), with the server's peak memory.
 * Prints figures; asserts nothing.
 *
 *   npm run bench:load -- [--staff 3000] [--import-rows 100000] [--seconds 5] [--connections 10]
 *                         [--ceiling http://127.0.0.1:3100 [--ceiling-pid PID] [--bursts 8]] [--warm-up 15]
 *                         [--cpu-prof DIR] [--only get,post,import,export]
 *
 * Each loop also prints the server's CPU time per request (user + system, from /proc), which a
 * busy machine inflates far less than it does rates and latencies.
 * With --ceiling, the same GET and POST loops also run against a ceiling app (a bare Remix app
 * with Yell's route names) at that origin, and the ratio of the rates is printed. Each loop is cut
 * into --bursts parts that alternate between Yell and the ceiling: on a shared machine the rates
 * drift by half within a minute, and one run of each, one after the other, measured the drift
 * as much as the difference.
 * Before measuring, the survey page is read for --warm-up seconds (Yell's, then the ceiling's):
 * a freshly started Yell spent 12 ms of CPU per page in its first two seconds and settled near
 * 4.5 ms only after ten (the JIT and the young generation's sizing), while a ceiling left running
 * between runs is warm; measured after one second, the ratio said more about the warm-up.
 * With --cpu-prof, the server writes a V8 CPU profile into DIR when it stops; --only narrows the
 * run to some of the measures (exports need the import), so the profile shows one of them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { seededRandom, syntheticAnswerSheets } from "~/domain/survey/synthetic";
import { seedDemoIfEmpty } from "~/models/demo.server";
import { DEMO_SURVEYS } from "~/models/demo-surveys.server";
import { createSession } from "~/models/session.server";
import { createSurveyFromTemplate } from "~/models/surveys.server";

const { values: options } = parseArgs({
  options: {
    staff: { type: "string", default: "3000" },
    "import-rows": { type: "string", default: "100000" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3290" },
    ceiling: { type: "string" },
    /** The ceiling server's process id, for its CPU time per request. */
    "ceiling-pid": { type: "string" },
    bursts: { type: "string", default: "8" },
    "warm-up": { type: "string", default: "15" },
    "cpu-prof": { type: "string" },
    only: { type: "string", default: "get,post,import,export" },
  },
});
const STAFF = Number(options.staff);
const IMPORT_ROWS = Number(options["import-rows"]);
const SECONDS = Number(options.seconds);
const BURSTS = Number(options.bursts);
const CONNECTIONS = Number(options.connections);
const PORT = Number(options.port);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const IMPORT_SURVEY = "bench-import";
const QUESTIONS = shinagawaFy2023.questions.map((q) => q.code);
const MEASURES = new Set(options.only.split(","));
const SESSION_POLICY = { idleMinutes: 600, absoluteHours: 24 };

// ---------------------------------------------------------------------------------------------
// A closed-loop load generator: each connection sends its next request when the last one ends.

interface Reply {
  status: number;
  body: Buffer;
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - start }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

interface LoopResult {
  done: number;
  ok: number;
  seconds: number;
  latencies: number[];
}

/** `next` returns the request to send, or null when there is nothing left; `isOk` judges the reply. */
async function closedLoop(
  next: () => { url: string; init?: Parameters<typeof send>[1] } | null,
  isOk: (reply: Reply) => boolean,
  seconds: number,
): Promise<LoopResult> {
  const latencies: number[] = [];
  let ok = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  async function connection() {
    while (performance.now() < end) {
      const request = next();
      if (!request) return;
      const reply = await send(request.url, request.init);
      latencies.push(reply.ms);
      if (isOk(reply)) ok++;
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  return { done: latencies.length, ok, seconds: (performance.now() - start) / 1000, latencies };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function describe(result: LoopResult, cpuMs: CpuTime | null): string {
  const rate = result.done / result.seconds;
  const cpu =
    cpuMs === null
      ? ""
      : `, server CPU ${(cpuMs.process / result.done).toFixed(2)} ms/request (main thread ${(cpuMs.mainThread / result.done).toFixed(2)})`;
  return `${rate.toFixed(0)}/s (${result.ok}/${result.done} ok, p50 ${percentile(result.latencies, 50).toFixed(1)} ms, p99 ${percentile(result.latencies, 99).toFixed(1)} ms${cpu})`;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of a /proc stat file (a process's, or one of its threads'). */
function cpuMsIn(statFile: string): number {
  // Fields after the command name (which may hold spaces) — utime and stime are the 12th and 13th.
  const fields = readFileSync(statFile, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** User + system CPU milliseconds a process has used so far (Linux /proc), or null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    return cpuMsIn(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
}

/**
 * The process's CPU time and its main thread's: the event loop runs every request there, so
 * when it is near a core's worth the server is saturated whatever the other threads (the survey
 * writer, V8's helpers) still have to spare.
 */
interface CpuTime {
  process: number;
  mainThread: number;
}

function cpuTimeOf(pid: number | undefined): CpuTime | null {
  if (pid === undefined) return null;
  try {
    return { process: cpuMsIn(`/proc/${pid}/stat`), mainThread: cpuMsIn(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return null;
  }
}

type Loop = (seconds: number) => Promise<LoopResult>;

interface Measured {
  result: LoopResult;
  cpu: CpuTime | null;
}

/** Runs a loop, with the CPU time the server process spent on it. */
async function measured(loop: Loop, seconds: number, pid: number | undefined): Promise<Measured> {
  const before = cpuTimeOf(pid);
  const result = await loop(seconds);
  const after = cpuTimeOf(pid);
  const cpu = before === null || after === null ? null : { process: after.process - before.process, mainThread: after.mainThread - before.mainThread };
  return { result, cpu };
}

function added(a: Measured, b: Measured): Measured {
  const result = { done: a.result.done + b.result.done, ok: a.result.ok + b.result.ok, seconds: a.result.seconds + b.result.seconds, latencies: [...a.result.latencies, ...b.result.latencies] };
  const cpu = a.cpu && b.cpu ? { process: a.cpu.process + b.cpu.process, mainThread: a.cpu.mainThread + b.cpu.mainThread } : null;
  return { result, cpu };
}

/** Yell's loop, and the ceiling's when there is one, in alternating bursts that add up to SECONDS each. */
async function measuredBeside(yell: Loop, yellPid: number | undefined, ceiling: Loop | null, ceilingPid: number | undefined) {
  const bursts = ceiling ? BURSTS : 1;
  let ours: Measured | null = null;
  let theirs: Measured | null = null;
  for (let i = 0; i < bursts; i++) {
    const mine = await measured(yell, SECONDS / bursts, yellPid);
    ours = ours ? added(ours, mine) : mine;
    if (!ceiling) continue;
    const other = await measured(ceiling, SECONDS / bursts, ceilingPid);
    theirs = theirs ? added(theirs, other) : other;
  }
  const rate = (m: Measured) => m.result.done / m.result.seconds;
  return {
    ok: ours!.result.ok,
    yell: describe(ours!.result, ours!.cpu),
    ceiling: theirs ? `${describe(theirs.result, theirs.cpu)}; Yell at ${((100 * rate(ours!)) / rate(theirs)).toFixed(0)}% of it` : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Memory: the resident set of a child process, sampled from /proc (Linux) every 50 ms.

function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

class MemorySampler {
  peak = 0;
  /** Peak over the sampler's whole life. */
  overall = 0;
  private timer: NodeJS.Timeout;
  constructor(private pid: number) {
    this.timer = setInterval(() => this.sample(), 50);
    this.sample();
  }
  sample() {
    const now = residentMb(this.pid);
    this.peak = Math.max(this.peak, now);
    this.overall = Math.max(this.overall, now);
  }
  /** Peak since the last reset; starts a new window at the current size. */
  reset(): number {
    const peak = this.peak;
    this.peak = residentMb(this.pid);
    return peak;
  }
  stop() {
    clearInterval(this.timer);
  }
}

// ---------------------------------------------------------------------------------------------
// The database: the demo ward, plus STAFF more staff with open sessions, plus a survey to import into.

async function prepareDatabase(databasePath: string) {
  const db = createDb(databasePath);
  await migrateToLatest(db);
  await seedDemoIfEmpty(db);
  const model = await db.selectFrom("staff").selectAll().where("employee_number", "=", "000100").executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const cookies: string[] = [];
  for (let i = 0; i < STAFF; i += 500) {
    const batch = Array.from({ length: Math.min(500, STAFF - i) }, (_, j) => ({
      employee_number: `9${String(i + j).padStart(5, "0")}`,
      name: `負荷 試験${i + j}`,
      name_kana: `フカ シケン${i + j}`,
      email: null,
      department_id: model.department_id,
      job_level_code: model.job_level_code,
      employment_type_code: model.employment_type_code,
      birth_year: model.birth_year,
      supervisor_number: null,
      role: "staff" as const,
      active: 1,
      password_hash: null,
      created_at: now,
      updated_at: now,
    }));
    const inserted = await db.insertInto("staff").values(batch).returning("id").execute();
    for (const row of inserted) cookies.push(await sessionCookieFor(db, row.id));
  }
  const hr = await db.selectFrom("staff").select("id").where("employee_number", "=", "000002").executeTakeFirstOrThrow();
  const hrCookie = await sessionCookieFor(db, hr.id);
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: IMPORT_SURVEY, fiscalYear: 2020 }, { id: null, label: "bench" });
  await db.destroy();
  return { cookies, hrCookie };
}

async function sessionCookieFor(db: Awaited<ReturnType<typeof createDb>>, staffId: number): Promise<string> {
  // Signed in five minutes ago, as someone who opens the survey page (or sends their answers)
  // after a while elsewhere: their session is due to be marked as seen, as it is in real use.
  const secret = await createSession(db, staffId, SESSION_POLICY, new Date(Date.now() - 5 * 60_000));
  // The session cookie is unsigned (its value is a random secret) and encoded as Remix does.
  return `yell_session=${Buffer.from(JSON.stringify(secret)).toString("base64")}`;
}

function writeImportFile(file: string) {
  const sheets = syntheticAnswerSheets(
    shinagawaFy2023.questions.map((q) => ({ code: q.code, mean: q.baseline.value })),
    IMPORT_ROWS,
    seededRandom(IMPORT_ROWS),
  );
  const departments = ["総務部", "企画経営部", "区民生活部", "福祉部"];
  const lines = [["所属", "職層", "年代", "雇用形態", ...QUESTIONS].join(",")];
  sheets.forEach((answers, i) => {
    const cells = QUESTIONS.map((code) => String(answers[code] ?? ""));
    lines.push([departments[i % departments.length], i % 5 === 0 ? "主任" : "主事", "30歳～39歳", "常勤", ...cells].join(","));
  });
  writeFileSync(file, `${lines.join("\r\n")}\r\n`);
}

// ---------------------------------------------------------------------------------------------

function startServer(databasePath: string): ChildProcess {
  const profiling = options["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${options["cpu-prof"]}`] : [];
  return spawn(process.execPath, [...profiling, "build/server.js"], {
    env: { PATH: process.env.PATH ?? "", DATABASE_PATH: databasePath, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production", SECURE_COOKIES: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function waitUntilUp(origin: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await send(`${origin}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${origin} did not come up`);
}

function runCli(databasePath: string, args: string[]): Promise<{ code: number; ms: number; peakMb: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, ["build/cli.js", ...args], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" as const, DATABASE_PATH: databasePath, YELL_LANG: "en" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const memory = new MemorySampler(child.pid!);
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      memory.stop();
      resolve({ code: code ?? 1, ms: performance.now() - start, peakMb: memory.peak });
    });
  });
}

function answerBody(i: number): string {
  const form = new URLSearchParams({ intent: "submit", step: "99" });
  QUESTIONS.forEach((code, q) => form.set(code, String(1 + ((i + q) % 4))));
  return form.toString();
}

/** Yell's open survey page, or the ceiling app's one survey route (`/survey`, no sign-in needed). */
function surveyLoops(origin: string, cookies: string[], pagePath = `/surveys/${DEMO_SURVEYS.open}`) {
  const page = `${origin}${pagePath}`;
  let reader = 0;
  let submitter = 0;
  return {
    get: (seconds: number) => closedLoop(() => ({ url: page, init: { headers: { Cookie: cookies[reader++ % cookies.length]! } } }), (r) => r.status === 200, seconds),
    post: (seconds: number) =>
      closedLoop(
        () => {
          const i = submitter++;
          if (i >= cookies.length) return null;
          const body = answerBody(i);
          // From the other end of the list than the page views: each answer comes minutes after
          // its page, not right after a page view the loop just made.
          const headers = { Cookie: cookies[cookies.length - 1 - i]!, Origin: origin, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) };
          return { url: page, init: { method: "POST", headers, body } };
        },
        (r) => r.status === 302 || r.status === 303,
        seconds,
      ),
  };
}

/** Submissions the load staff (employee numbers from 900000) have stored in the open survey. */
async function storedSubmissions(databasePath: string): Promise<number> {
  const check = createDb(databasePath);
  const stored = await check
    .selectFrom("survey_participation")
    .innerJoin("surveys", "surveys.id", "survey_participation.survey_id")
    .innerJoin("staff", "staff.id", "survey_participation.staff_id")
    .where("surveys.code", "=", DEMO_SURVEYS.open)
    .where("staff.employee_number", ">=", "900000")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  await check.destroy();
  return stored.n;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "yell-load-"));
  const databasePath = path.join(dir, "yell.sqlite");
  let server: ChildProcess | undefined;
  try {
    console.log(`Preparing: demo ward + ${STAFF} staff with sessions, ${IMPORT_ROWS} answer rows to import…`);
    const { cookies, hrCookie } = await prepareDatabase(databasePath);
    const importFile = path.join(dir, "answers.csv");
    if (MEASURES.has("import") || MEASURES.has("export")) writeImportFile(importFile);

    server = startServer(databasePath);
    await waitUntilUp(ORIGIN);
    const memory = new MemorySampler(server.pid!);
    const started = memory.reset();
    console.log(`\nYell (build/server.js), ${CONNECTIONS} connections, ${SECONDS} s per loop; server RSS at start ${started.toFixed(0)} MB`);

    const yell = surveyLoops(ORIGIN, cookies);
    const ceiling = options.ceiling ? surveyLoops(options.ceiling.replace(/\/$/, ""), cookies, "/survey") : null;
    const warmUp = Number(options["warm-up"]);
    if (MEASURES.has("get") || MEASURES.has("post")) {
      await yell.get(warmUp);
      await ceiling?.get(warmUp);
    }
    memory.reset();

    const ceilingPid = options["ceiling-pid"] ? Number(options["ceiling-pid"]) : undefined;
    if (MEASURES.has("get")) {
      const page = await measuredBeside(yell.get, server.pid, ceiling?.get ?? null, ceilingPid);
      console.log(`survey page GET, signed in:        ${page.yell}; peak RSS ${memory.reset().toFixed(0)} MB`);
      if (page.ceiling) console.log(`  ceiling GET:                       ${page.ceiling}`);
    }

    if (MEASURES.has("post")) {
      // Answering has code of its own to warm (the action, the writer thread): a fifth as long, as it uses up staff.
      const warming = await yell.post(warmUp / 5);
      await ceiling?.post(warmUp / 5);
      memory.reset();
      const submissions = await measuredBeside(yell.post, server.pid, ceiling?.post ?? null, ceilingPid);
      console.log(`survey submissions, distinct staff: ${submissions.yell}; peak RSS ${memory.reset().toFixed(0)} MB`);
      if (submissions.ceiling) console.log(`  ceiling POST:                      ${submissions.ceiling}`);
      const acknowledged = warming.ok + submissions.ok;
      console.log(`  acknowledged ${acknowledged} (${warming.ok} while warming up), stored ${await storedSubmissions(databasePath)}`);
    }

    if (MEASURES.has("import") || MEASURES.has("export")) {
      const imported = await runCli(databasePath, ["import-responses", "--survey", IMPORT_SURVEY, "--file", importFile]);
      console.log(`import ${IMPORT_ROWS} responses (CLI):       ${(imported.ms / 1000).toFixed(2)} s, exit ${imported.code}, CLI peak RSS ${imported.peakMb.toFixed(0)} MB`);
    }

    memory.reset();
    for (const format of MEASURES.has("export") ? ["csv", "xlsx"] : []) {
      const before = residentMb(server.pid!);
      const cpuBefore = cpuMsOf(server.pid);
      const reply = await send(`${ORIGIN}/results/${IMPORT_SURVEY}/responses.${format}`, { headers: { Cookie: hrCookie } });
      const cpuAfter = cpuMsOf(server.pid);
      const peak = memory.reset();
      const cpu = cpuBefore === null || cpuAfter === null ? "" : `, server CPU ${((cpuAfter - cpuBefore) / 1000).toFixed(2)} s`;
      console.log(
        `export ${IMPORT_ROWS} responses as ${format.toUpperCase().padEnd(4)}:     ${(reply.ms / 1000).toFixed(2)} s${cpu}, HTTP ${reply.status}, ${(reply.body.length / 1e6).toFixed(1)} MB; server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)})`,
      );
    }
    memory.stop();
    console.log(`server peak RSS over the run:      ${memory.overall.toFixed(0)} MB`);
  } finally {
    server?.kill();
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
