import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema";

/** The oldest SQLite with the fix for the WAL-reset database corruption bug. */
export const MINIMUM_SQLITE_VERSION = "3.51.3";

export class UnsupportedSqliteError extends Error {
  constructor(readonly found: string) {
    super(
      `SQLite ${found} is older than ${MINIMUM_SQLITE_VERSION}, which fixes a WAL-reset corruption bug. ` +
        "Upgrade better-sqlite3, or set YELL_ALLOW_OLD_SQLITE=1 to run anyway.",
    );
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export function assertSupportedSqlite(version: string, allowOld: boolean): void {
  if (!allowOld && compareVersions(version, MINIMUM_SQLITE_VERSION) < 0) throw new UnsupportedSqliteError(version);
}

export interface CreateDbOptions {
  /** Skip the SQLite version floor (operators who have patched their SQLite otherwise). */
  allowOldSqlite?: boolean;
}

/**
 * Opens the SQLite file and sets the pragmas every connection needs. The only place in the
 * project that constructs a connection, so the durability settings cannot be forgotten.
 */
export function openSqlite(path: string, options: CreateDbOptions = {}): SQLite.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  const { version } = sqlite.prepare("select sqlite_version() as version").get() as { version: string };
  try {
    assertSupportedSqlite(version, options.allowOldSqlite ?? false);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // An acknowledged survey answer must survive a power cut, so fsync every commit.
  sqlite.pragma("synchronous = FULL");
  return sqlite;
}

export function createDb(path: string, options: CreateDbOptions = {}): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(path, options) }) });
}
