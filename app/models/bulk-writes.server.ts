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

/**
 * Runs `build`'s statement over rows given as one flat list of values, `columns.length` per row,
 * chunked under the parameter limit. Values go to SQLite as they are: no object per row.
 */
async function runChunked<T extends keyof Database>(
  db: Db,
  table: T,
  columns: readonly string[],
  values: readonly unknown[],
  shape: string,
  build: (chunk: readonly Row[]) => CompiledQuery,
) {
  const width = columns.length;
  const rowCount = values.length / width;
  if (rowCount === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  for (let start = 0; start < rowCount; start += perStatement) {
    const count = Math.min(perStatement, rowCount - start);
    const parameters = values.slice(start * width, (start + count) * width);
    const key = `${String(table)}|${shape}|${columns.join(",")}|${count}`;
    let template = templates.get(key);
    if (!template) {
      template = build(rowsOf(columns, parameters));
      templates.set(key, template);
    }
    await db.executeQuery({ ...template, parameters });
  }
}

function rowsOf(columns: readonly string[], values: readonly unknown[]): Row[] {
  const rows: Row[] = [];
  for (let offset = 0; offset < values.length; offset += columns.length) {
    rows.push(Object.fromEntries(columns.map((column, index) => [column, values[offset + index]])));
  }
  return rows;
}

function flatten(rows: readonly Row[]): { columns: string[]; values: unknown[] } {
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const values: unknown[] = [];
  for (const row of rows) for (const column of columns) values.push(row[column]);
  return { columns, values };
}

/** Inserts rows (all with the same keys, none undefined) in as few statements as the parameter limit allows, in the order given. */
export async function bulkInsert<T extends keyof Database>(db: Db, table: T, rows: readonly Insertable<Database[T]>[]) {
  const { columns, values } = flatten(rows as readonly Row[]);
  await bulkInsertValues(db, table, columns as (keyof Database[T] & string)[], values);
}

/** bulkInsert for rows given as a flat list of values in `columns` order: for writes of millions of rows. */
export async function bulkInsertValues<T extends keyof Database>(db: Db, table: T, columns: readonly (keyof Database[T] & string)[], values: readonly unknown[]) {
  await runChunked(db, table, columns, values, "insert", (chunk) =>
    db
      .insertInto(table)
      .values(chunk as never)
      .compile(),
  );
}

/**
 * Adds counts to running totals: one multi-row upsert per chunk,
 * `on conflict (key) do update set count = count + excluded.count`. Rows come as one flat list of
 * values, each row its key columns in `key` order and then its count.
 */
export async function bulkUpsertAdding<T extends "answer_tallies" | "question_respondent_tallies" | "respondent_tallies">(
  db: Db,
  table: T,
  key: readonly (keyof Database[T] & string)[],
  values: readonly unknown[],
) {
  await runChunked(db, table, [...key, "count"], values, `upsert:${key.join(",")}`, (chunk) =>
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
