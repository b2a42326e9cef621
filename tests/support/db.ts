import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll } from "vitest";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import type { Database } from "#db/schema";

/** A fresh, migrated SQLite file for one test file, removed when the file's tests end. */
export async function createTestDb(): Promise<Kysely<Database>> {
  return (await createTestDbFile()).db;
}

/** The same, with where the file and its folder are (for tests that look at the files themselves). */
export async function createTestDbFile(): Promise<{ db: Kysely<Database>; file: string; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "yell-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = createDb(file);
  await migrateToLatest(db);
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, file, dir };
}
