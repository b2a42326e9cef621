import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type ValueSlots, reusableQuery } from "~/utils/db.server";
import { createTestDbFile } from "../support/db";

const { db } = await createTestDbFile();
const created_at = new Date().toISOString();
await db
  .insertInto("server_secrets")
  .values([
    { name: "reusable-a", value: "first", created_at },
    { name: "reusable-b", value: "second", created_at },
  ])
  .execute();

const secretNamed = reusableQuery((db, value: ValueSlots<{ name: string }>) =>
  db.selectFrom("server_secrets").select("value").where("name", "=", value("name")),
);
const pairOf = reusableQuery((db, value: ValueSlots<{ first: string; second: string }>) =>
  db.selectNoFrom([sql<string>`${value("first")} || '/' || ${value("second")}`.as("pair"), sql<string>`${value("first")}`.as("again")]),
);

describe("a reusable query", () => {
  it("runs with each call's values, not the first call's", async () => {
    expect(await secretNamed(db, { name: "reusable-a" })).toEqual([{ value: "first" }]);
    expect(await secretNamed(db, { name: "reusable-b" })).toEqual([{ value: "second" }]);
    expect(await secretNamed(db, { name: "nobody" })).toEqual([]);
  });

  it("puts each value wherever its slot appears, however often", async () => {
    expect(await pairOf(db, { first: "x", second: "y" })).toEqual([{ pair: "x/y", again: "x" }]);
    expect(await pairOf(db, { first: "y", second: "x" })).toEqual([{ pair: "y/x", again: "y" }]);
  });

  it("runs inside a transaction and sees its uncommitted writes", async () => {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("server_secrets").set({ value: "changed" }).where("name", "=", "reusable-a").execute();
      expect(await secretNamed(trx, { name: "reusable-a" })).toEqual([{ value: "changed" }]);
      throw new Error("roll back");
    }).catch(() => undefined);
    expect(await secretNamed(db, { name: "reusable-a" })).toEqual([{ value: "first" }]);
  });
});
