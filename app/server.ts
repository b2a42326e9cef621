import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { migrateToLatest } from "#db/migrate";
import { seedDemoIfEmpty } from "./models/demo.server";
import { startNotificationSender } from "./models/notification-sender.server";
import { getDb } from "./utils/db.server";
import { getEnv } from "./utils/env.server";
import { isAllowedOrigin } from "./utils/origin";

const env = getEnv();
const db = getDb();
await migrateToLatest(db);

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
if (process.env.TRUST_PROXY === "1") app.set("trust proxy", true);

app.use((req, res, next) => {
  const expected = env.APP_ORIGIN ?? `${req.protocol}://${req.get("host") ?? ""}`;
  if (isAllowedOrigin(req.method, { origin: req.get("origin"), referer: req.get("referer") }, expected)) {
    next();
    return;
  }
  res.status(403).type("text/plain; charset=utf-8").send("403 この操作は受け付けられません / Cross-origin request refused");
});

app.use((_req, res, next) => {
  res.set({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    // Everything is served from this origin: the app must work on a closed network.
    "Content-Security-Policy":
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
  });
  next();
});

// A missing asset is a 404 here, not a page request for Remix to route.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", fallthrough: false }));
app.use(express.static("public", { maxAge: "1h" }));
// Browsers ask for /favicon.ico on their own; the icon is an SVG.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

app.listen(env.PORT, env.HOST, () => {
  console.log(`Yell is listening on http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`);
});

// Reminders and the e-mail queue run beside the web server; a stop waits for the tick in progress.
const notificationSender = startNotificationSender(db, env);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void notificationSender.stop().then(() => process.exit(0)));
