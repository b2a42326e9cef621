import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  Kysely,
  type LogEvent,
  type QueryCompiler,
  type DialectAdapter,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
} from "kysely";
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
  /** Told of every statement run (tests count what a page runs). */
  log?: (event: LogEvent) => void;
}

/** How long a writer waits for the write lock (another process's import slice) before failing. */
const BUSY_TIMEOUT_MS = 5000;

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
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // An acknowledged survey answer must survive a power cut, so fsync every commit.
  sqlite.pragma("synchronous = FULL");
  // Deleted rows (abandoned imports, sessions) and the free space left when rows move between
  // pages are overwritten with zeros, so a copy of the file holds no stale fragments of them.
  sqlite.pragma("secure_delete = ON");
  // Imports and exports walk tables far larger than the default 2 MB cache.
  sqlite.pragma("cache_size = -65536");
  // A crash can leave committed transactions in the -wal file, where they sit in commit order
  // (who answered next to what was answered): fold them into the main file before anything else.
  if (path !== ":memory:") sqlite.pragma("wal_checkpoint(TRUNCATE)");
  return sqlite;
}

/** Statements kept prepared: Yell runs a few hundred distinct ones, and preparing was half a submission's CPU. */
const STATEMENT_CACHE_SIZE = 500;

/** better-sqlite3 with prepared statements reused by their SQL text (least recently used dropped first). */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const cached = statements.get(text);
      if (cached) {
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      statements.set(text, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

/**
 * Write transactions take the write lock when they begin (BEGIN IMMEDIATE), so a writer that
 * finds another one busy waits within busy_timeout. A plain BEGIN reads first and then fails with
 * SQLITE_BUSY at its first write, without waiting, when someone else wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class YellSqliteDialect implements Dialect {
  constructor(private readonly sqlite: SQLite.Database) {}
  createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: withStatementCache(this.sqlite) });
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the introspector works on any schema
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

export function createDb(path: string, options: CreateDbOptions = {}): Kysely<Database> {
  return new Kysely<Database>({ dialect: new YellSqliteDialect(openSqlite(path, options)), log: options.log });
}

/**
 * Copies the -wal file into the main file and truncates it to zero bytes, so committed
 * transactions no longer sit side by side in commit order. Never waits: while another
 * connection reads an older snapshot or holds the write lock, it answers false and the caller
 * tries again shortly.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
export async function truncateWal(db: Kysely<any>): Promise<boolean> {
  // One connection for all three, so no other query runs while the timeout is zero.
  return db.connection().execute(async (connection) => {
    await sql`pragma busy_timeout = 0`.execute(connection);
    try {
      const { rows } = await sql<{ busy: number; log: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(connection);
      const result = rows[0];
      return result !== undefined && result.busy === 0 && result.log <= 0;
    } finally {
      await sql.raw(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`).execute(connection);
    }
  });
}

/**
 * Runs `work` on one connection with foreign keys unchecked, for bulk writes whose references
 * hold by construction: checking them was a tenth of an import's time (two index lookups per
 * answer row). No other query shares the connection meanwhile, and the pragma takes effect only
 * outside a transaction, so `work` opens its own. The caller must still prove, with foreign keys
 * on, that what it referenced exists when its rows become visible.
 */
export async function withForeignKeysUnchecked<DB, T>(db: Kysely<DB>, work: (connection: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`pragma foreign_keys = off`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`pragma foreign_keys = on`.execute(connection);
    }
  });
}
