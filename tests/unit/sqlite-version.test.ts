import { describe, expect, it } from "vitest";
import { UnsupportedSqliteError, assertSupportedSqlite, compareVersions } from "#db/connection";

describe("the SQLite version floor", () => {
  it.each([
    ["3.51.3", "3.51.3", 0],
    ["3.51.2", "3.51.3", -1],
    ["3.52.0", "3.51.3", 1],
    ["3.9.0", "3.10.0", -1],
    ["3.51", "3.51.0", 0],
  ])("compares %s with %s numerically", (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it("refuses versions before 3.51.3 unless told otherwise", () => {
    expect(() => assertSupportedSqlite("3.51.2", false)).toThrow(UnsupportedSqliteError);
    expect(() => assertSupportedSqlite("3.45.1", false)).toThrow(/YELL_ALLOW_OLD_SQLITE/);
    expect(() => assertSupportedSqlite("3.45.1", true)).not.toThrow();
    expect(() => assertSupportedSqlite("3.53.2", false)).not.toThrow();
  });
});
