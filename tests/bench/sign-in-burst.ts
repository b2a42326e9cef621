/**
 * node --import tsx tests/bench/sign-in-burst.ts: starts the built server on a fresh demo database,
 * sends 10 sign-ins at once (ten people, each hashed at full cost), and prints the server's memory
 * before and at its highest during the burst, how long the burst took, and how long a page load
 * took alone and during the burst. Needs `npm run build` first (it runs build/server.js).
 * Prints figures; asserts nothing.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const PORT = Number(process.env.BENCH_PORT ?? 3299);
const BURST = 10;
const origin = `http://127.0.0.1:${PORT}`;
const dir = mkdtempSync(path.join(tmpdir(), "yell-signin-"));

const server = spawn(process.execPath, ["build/server.js", "--seed-demo"], {
  env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production", SECURE_COOKIES: "0", DATABASE_PATH: path.join(dir, "bench.sqlite") },
  stdio: ["ignore", "pipe", "inherit"],
});

function residentMb(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not start");
}

/** Different people, so the per-account throttle does not stop the burst before it is hashed. */
function signIn(_: unknown, index: number) {
  const body = new URLSearchParams({ employeeNumber: `0001${String(index).padStart(2, "0")}`, password: "a wrong password", redirectTo: "/" });
  return fetch(`${origin}/login`, { method: "POST", body, headers: { Origin: origin }, redirect: "manual" }).then((r) => r.status);
}

try {
  await waitForServer();
  const loadPage = async () => {
    const pageStart = performance.now();
    await fetch(`${origin}/login`).then((r) => r.text());
    return Math.round(performance.now() - pageStart);
  };
  await loadPage();
  const alone = await loadPage();
  const before = residentMb();
  let highest = before;
  const sampler = setInterval(() => (highest = Math.max(highest, residentMb())), 10);
  const start = performance.now();
  const burst = Promise.all(Array.from({ length: BURST }, signIn));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const during = await loadPage();
  const statuses = await burst;
  const burstMs = Math.round(performance.now() - start);
  clearInterval(sampler);
  console.log(`server memory before the burst: ${before} MB, highest during it: ${highest} MB`);
  console.log(`${BURST} sign-ins at once: ${burstMs} ms (answers ${statuses.join(" ")})`);
  console.log(`GET /login alone: ${alone} ms, during the burst: ${during} ms`);
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
