import type { CompiledQuery, Insertable } from "kysely";
import type { Database } from "#db/schema";
import type { Db } from "~/utils/db.server";

/** Parameters per statement: far under SQLite's limit (32,766), large enough to amortise each call. */
const MAX_PARAMETERS = 8000;

/**
 * Compiled statements by table, columns and row count. A bulk write of thousands of rows repeats
 * one statement shape, so it is compiled once and run with fresh parameters (and the connection
 * keeps it prepared), instead of Kysely building and SQLite preparing it again per chunk.
 */
const templates = new Map<string, CompiledQuery>();

type Row = Record<string, unknown>;

async function runChunked<T extends keyof Database>(
  db: Db,
  table: T,
  rows: readonly Row[],
  shape: string,
  build: (chunk: readonly Row[]) => CompiledQuery,
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const key = `${String(table)}|${shape}|${columns.join(",")}|${chunk.length}`;
    let template = templates.get(key);
    if (!template) {
      template = build(chunk);
      templates.set(key, template);
    }
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(row[column]);
    await db.executeQuery({ ...template, parameters });
  }
}

/** Inserts rows (all with the same keys, none undefined) in as few statements as the parameter limit allows, in the order given. */
export async function bulkInsert<T extends keyof Database>(db: Db, table: T, rows: readonly Insertable<Database[T]>[]) {
  await runChunked(db, table, rows as readonly Row[], "insert", (chunk) =>
    db
      .insertInto(table)
      .values(chunk as never)
      .compile(),
  );
}

/**
 * Adds rows' counts to running totals: one multi-row upsert per chunk,
 * `on conflict (key) do update set count = count + excluded.count`.
 */
export async function bulkUpsertAdding<T extends "answer_tallies" | "question_respondent_tallies" | "respondent_tallies">(
  db: Db,
  table: T,
  key: readonly (keyof Database[T] & string)[],
  rows: readonly (Insertable<Database[T]> & { count: number })[],
) {
  await runChunked(db, table, rows as readonly Row[], `upsert:${key.join(",")}`, (chunk) =>
    db
      .insertInto(table)
      .values(chunk as never)
      .onConflict((oc) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the three tally tables share the count column
        oc.columns(key as never).doUpdateSet((eb: any) => ({ count: eb(`${table}.count`, "+", eb.ref("excluded.count")) }) as never),
      )
      .compile(),
  );
}
