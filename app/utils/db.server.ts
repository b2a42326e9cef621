import type { Compilable, CompiledQuery, Kysely, Transaction } from "kysely";
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

/** Stands in for a call's value while a reusable query is compiled. */
class Slot {
  constructor(readonly name: string) {}
}

/** Where a reusable query takes each call's values: `value("staffId")` stands for that value. */
export type ValueSlots<Values> = <K extends keyof Values & string>(name: K) => Values[K];

/**
 * A query built and compiled once, then run with each call's values. Every page runs the same few
 * queries (the session, the header's counts, the survey); building and compiling them again on
 * each request cost as much as running them. Use `value(name)` where Kysely takes a single value
 * as it is (a comparison, a set, a `sql` parameter), not as a list for `in` nor as the null of an
 * `is`. Annotate it, `(db, value: ValueSlots<{ staffId: number }>) => …`, so calls are typed.
 */
export function reusableQuery<Values extends Record<string, unknown>, Row>(build: (db: Db, value: ValueSlots<Values>) => Compilable<Row>) {
  let compiled: CompiledQuery<Row> | undefined;
  return async (db: Db, values: Values): Promise<Row[]> => {
    compiled ??= build(db, (name) => new Slot(name) as never).compile();
    const parameters = compiled.parameters.map((parameter) => (parameter instanceof Slot ? values[parameter.name] : parameter));
    const { rows } = await db.executeQuery<Row>({ ...compiled, parameters });
    return rows;
  };
}
