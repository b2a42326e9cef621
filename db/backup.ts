import { existsSync, renameSync, rmSync } from "node:fs";
import { type Kysely, sql } from "kysely";
import SQLite from "better-sqlite3";

export class BackupTargetExistsError extends Error {
  constructor(readonly target: string) {
    super(`${target} already exists; a backup never overwrites a file.`);
  }
}

/**
 * Writes a consistent copy of the live database to `target` while the server keeps writing.
 * `VACUUM INTO` reads one snapshot inside a read transaction (WAL lets writers go on meanwhile), so
 * every answer committed before it began is in the copy, and the copy is a single compact file
 * with no -wal beside it. A plain file copy of a WAL database can miss committed pages.
 * The copy is written beside the target and renamed only after it passes an integrity check.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
export async function backupDatabase(db: Kysely<any>, target: string): Promise<void> {
  if (existsSync(target)) throw new BackupTargetExistsError(target);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await sql`vacuum into ${partial}`.execute(db);
    const copy = new SQLite(partial, { readonly: true });
    try {
      const [check] = copy.pragma("integrity_check") as { integrity_check: string }[];
      if (check?.integrity_check !== "ok") throw new Error(`The backup failed its integrity check: ${check?.integrity_check ?? "no answer"}`);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${partial}${suffix}`, { force: true });
  }
}
