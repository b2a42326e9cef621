import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

const run = promisify(execFile);

/**
 * Production runs the prebuilt CLI with plain node (no TypeScript loader installed): it must
 * migrate a new database, import a roster and answer a command on its own.
 */
test("the built CLI runs with plain node", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yell-built-cli-"));
  try {
    // No NODE_OPTIONS: nothing like `--import tsx` may sneak in from the test runner.
    const env = { PATH: process.env.PATH ?? "", NODE_ENV: "production" as const, DATABASE_PATH: path.join(dir, "yell.sqlite"), YELL_LANG: "en" };
    const cli = path.resolve("build/cli.js");
    const imported = await run(process.execPath, [cli, "import-roster", "--file", path.resolve("tests/fixtures/roster/valid-en.csv")], { env });
    expect(imported.stdout).toMatch(/\d/);
    await run(process.execPath, [cli, "create-survey", "--template", "shinagawa-fy2023", "--code", "built-cli", "--fiscal-year", "2023"], { env });
    // The KPI figures are disclosed only above the minimum group size, so the city's FY2023 answers go in first.
    const answers = path.resolve("tests/fixtures/responses/fy2023-published-cp932.csv");
    await run(process.execPath, [cli, "import-responses", "--survey", "built-cli", "--file", answers], { env });
    const kpi = await run(process.execPath, [cli, "kpi", "--survey", "built-cli", "--format", "json"], { env });
    const parsed = JSON.parse(kpi.stdout) as unknown;
    expect(Array.isArray(parsed) || typeof parsed === "object").toBe(true);
    expect(kpi.stdout).toContain('"mean":2.577');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A service manager stops the server with SIGTERM: requests in flight end, the database is
 * closed (its WAL folded back and removed), and the process exits 0 rather than dying mid-write.
 */
test("the built server stops cleanly on SIGTERM", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "yell-built-stop-"));
  const databasePath = path.join(dir, "yell.sqlite");
  const port = 3000 + Math.floor(Math.random() * 1000) + 5000;
  const env = { PATH: process.env.PATH ?? "", NODE_ENV: "production" as const, DATABASE_PATH: databasePath, PORT: String(port), HOST: "127.0.0.1", SECURE_COOKIES: "0" };
  const server = spawn(process.execPath, [path.resolve("build/server.js")], { env, stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  try {
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
      .toBe(200);
    const page = await fetch(`http://127.0.0.1:${port}/login`);
    expect(page.status).toBe(200);
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
  } finally {
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
