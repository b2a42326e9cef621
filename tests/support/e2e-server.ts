import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Starts the built server entry (build/server.js, as production runs it) on a fresh demo database for the Playwright run. */
// One database per port, so two runs on one machine do not delete each other's data.
const databasePath = path.resolve(`tests/.output/e2e-${process.env.PORT ?? "default"}.sqlite`);
mkdirSync(path.dirname(databasePath), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });

process.env.DATABASE_PATH = databasePath;
process.env.NODE_ENV = "production";
process.env.SECURE_COOKIES = "0";
process.argv.push("--seed-demo");
await import(pathToFileURL(path.resolve("build/server.js")).href);
