import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { importResponsesCommand } from "~/commands/surveys";
import { dictionaryFor } from "~/i18n";
import { createSurveyFromTemplate } from "~/models/surveys.server";
import { createTestDb } from "../support/db";
import { groupedCsv } from "../support/survey-files";

const db = await createTestDb();
const dir = mkdtempSync(path.join(tmpdir(), "yell-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "progress", fiscalYear: 2023 }, { id: null, label: "test" });

describe("import progress on the command line", () => {
  it("reports rows read, checked and written as the import goes, then clears the line", async () => {
    const file = path.join(dir, "answers.csv");
    writeFileSync(file, groupedCsv({ 総務部: 6_000, 福祉部: 6_000 }));
    const lines: string[] = [];
    const out: string[] = [];
    const exitCode = await importResponsesCommand.run({
      db,
      args: ["--survey", "progress", "--file", file],
      locale: "en",
      t: dictionaryFor("en"),
      stdout: (text) => out.push(text),
      stderr: (text) => out.push(text),
      readStdin: () => Promise.resolve(""),
      progress: (line) => lines.push(line),
    });
    expect(exitCode).toBe(0);
    expect(lines).toEqual([
      "read 12000 rows / checked 0 / written 0",
      "read 12000 rows / checked 5000 / written 0",
      "read 12000 rows / checked 10000 / written 0",
      "read 12000 rows / checked 12000 / written 0",
      "read 12000 rows / checked 12000 / written 5000",
      "read 12000 rows / checked 12000 / written 10000",
      "read 12000 rows / checked 12000 / written 12000",
      "",
    ]);
  });
});
