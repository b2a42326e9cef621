import type { Kysely, Transaction } from "kysely";
import { createDb } from "#db/connection";
import type { Database } from "#db/schema";
import { getEnv } from "./env.server";

export type Db = Kysely<Database> | Transaction<Database>;

declare global {
  // Survives the dev server's module reloads, so one process keeps one connection.
  var __yellDb: Kysely<Database> | undefined;
}

/** The one connection of the running app. Migrations are applied by the server entry before it listens. */
export function getDb(): Kysely<Database> {
  if (!globalThis.__yellDb) {
    const env = getEnv();
    globalThis.__yellDb = createDb(env.DATABASE_PATH, { allowOldSqlite: env.YELL_ALLOW_OLD_SQLITE });
  }
  return globalThis.__yellDb;
}
