import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { migrateToLatest } from "#db/migrate";
import { seedDemoIfEmpty } from "./models/demo.server";
import { startNotificationSender } from "./models/notification-sender.server";
import { discardAbandonedImports } from "./models/responses.server";
import { flushSessionTouches, purgeExpired } from "./models/session.server";
import { startSubmissionWriterThread } from "./models/submission-writer-thread.server";
import { getDb } from "./utils/db.server";
import { getEnv } from "./utils/env.server";
import { applySecurity, cspNonceOf, outputReadyOf } from "./utils/http.server";
import { openRequestScope } from "./utils/request-scope.server";
import { sessionPolicies } from "./utils/session.server";

const env = getEnv();
const db = getDb();
await migrateToLatest(db);
// An import cut short by a crash left hidden rows behind: remove them before serving.
await discardAbandonedImports(db);

if (process.argv.includes("--seed-demo")) {
  const outcome = await seedDemoIfEmpty(db);
  if (outcome.seeded) {
    console.log("Demo ward created. Sign in with:");
    for (const account of outcome.accounts) {
      console.log(`  ${account.role.padEnd(5)}  employee number ${account.employeeNumber}  password ${account.password}`);
    }
  } else {
    console.log("The database already holds data; the demo ward was not seeded.");
  }
}

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
applySecurity(app, env);

// A missing asset is a 404 here, not a page request for Remix to route.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", fallthrough: false }));
// The few files at the top of public/ get a route each: a static middleware in front of every
// page would look for a file named after each page's path first (a failed stat per request).
for (const entry of readdirSync("public", { withFileTypes: true })) {
  if (entry.isFile()) app.get(`/${entry.name}`, (_req, res) => res.sendFile(path.resolve("public", entry.name), { maxAge: "1h" }));
}
// Browsers ask for /favicon.ico on their own; the icon is an SVG.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
const handleWithRemix = createRequestHandler({
  build,
  mode: env.NODE_ENV,
  getLoadContext: (req, res) => ({
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    cspNonce: cspNonceOf(res),
    outputReady: outputReadyOf(res),
  }),
});
// One scope per request, so the page's loaders share what they look up (the signed-in person).
app.all("*", (req, res, next) => {
  openRequestScope(req, res);
  return handleWithRemix(req, res, next);
});

// Expired sessions and spent setup codes say who was signed in when; they are kept for no one.
const HOUSEKEEPING_INTERVAL_MS = 60 * 60_000;
const housekeeping = () => purgeExpired(db, sessionPolicies().session).catch((error: unknown) => console.error(error));
await housekeeping();
setInterval(() => void housekeeping(), HOUSEKEEPING_INTERVAL_MS).unref();

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Yell is listening on http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`);
});

// Reminders and the e-mail queue run beside the web server.
const notificationSender = startNotificationSender(db, env);
// Survey answers are committed in a thread of their own (built beside this file).
const submissionWriter = startSubmissionWriterThread(db, {
  databasePath: env.DATABASE_PATH,
  allowOldSqlite: env.YELL_ALLOW_OLD_SQLITE,
  script: new URL("./submission-writer.js", import.meta.url),
});

// A service manager's stop (or Ctrl-C) lets requests in flight end, answers included, lets the
// e-mail sender finish the e-mail in hand (nothing is marked twice), and closes both database
// connections cleanly (the writer thread's first); a request that hangs does not hold the stop for more than a few seconds.
const SHUTDOWN_GRACE_MS = 10_000;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    void Promise.all([requestsDone, notificationSender.stop()])
      .then(() => Promise.all([submissionWriter.stop(), flushSessionTouches(db)]))
      .then(() => db.destroy().finally(() => process.exit(0)));
  });
}
