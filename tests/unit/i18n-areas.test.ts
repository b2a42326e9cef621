import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ja } from "~/i18n/ja";

/**
 * The browser loads a dictionary area only when a module imports `~/i18n/area/<area>.client`.
 * Every browser module that reads `t.<area>` (or calls a domain function that does) must import
 * it, or the page fails once hydrated.
 */
const AREAS = Object.keys(ja);
const READS_AREA = new RegExp(String.raw`(?<![\w.$])(?:t|useT\(\))\??\.(${AREAS.join("|")})\b`, "g");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
const areasRead = (source: string) => new Set([...withoutComments(source).matchAll(READS_AREA)].map((m) => m[1]!));

const isBrowserModule = (file: string) =>
  !file.includes(".server.") && !file.startsWith(path.join("app", "i18n")) && !file.startsWith(path.join("app", "commands")) && !["app/cli.ts", "app/server.ts"].includes(file);

describe("dictionary areas in the browser", () => {
  const files = sourceFiles("app").filter(isBrowserModule);
  // Domain functions take the dictionary as a parameter; their callers must load what they read.
  const domainAreas = new Map(
    files.filter((f) => f.startsWith(path.join("app", "domain"))).map((f) => [`~/${f.slice(4).replace(/\.tsx?$/, "")}`, areasRead(readFileSync(f, "utf8"))]),
  );

  it("finds modules that read areas (the check itself works)", () => {
    expect(files.some((f) => areasRead(readFileSync(f, "utf8")).size > 0)).toBe(true);
  });

  for (const file of files.filter((f) => !f.startsWith(path.join("app", "domain")))) {
    const source = readFileSync(file, "utf8");
    const needed = areasRead(source);
    // A type-only import brings no code that reads the dictionary.
    const importsCode = (module: string) => new RegExp(String.raw`import (?!type )[^;]*from "${module}"`).test(source);
    for (const [module, areas] of domainAreas) if (importsCode(module)) for (const area of areas) needed.add(area);
    if (needed.size === 0) continue;
    it(`${file} imports the areas it reads`, () => {
      const imported = new Set([...source.matchAll(/import "~\/i18n\/area\/(\w+)\.client";/g)].map((m) => m[1]!));
      expect([...needed].filter((area) => !imported.has(area)).sort()).toEqual([]);
    });
  }
});
