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
  const dir = mkdtempSync(path.join(tmpdir(), "yell-test-"));
  const db = createDb(path.join(dir, "test.sqlite"));
  await migrateToLatest(db);
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
