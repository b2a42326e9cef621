import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { backupCommand } from "~/commands/backup";
import { createSurveyFromTemplate, setSurveyStatus } from "~/models/surveys.server";
import { runCommand } from "../support/cli";
import { createStaff } from "../support/factories";

const dir = mkdtempSync(path.join(tmpdir(), "yell-backup-"));
const livePath = path.join(dir, "live.sqlite");
const db = createDb(livePath);
await migrateToLatest(db);
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const actor = { id: null, label: "test" };
const STAFF = 120;

describe("backup while the server writes (#9 item 9)", () => {
  it("holds every answer acknowledged before the backup began, and restores as a working database", async () => {
    const survey = await createSurveyFromTemplate(db, "shinagawa-fy2023", { code: "backup-2025", fiscalYear: 2025 }, actor);
    const staffIds: number[] = [];
    for (let i = 0; i < STAFF; i++) staffIds.push((await createStaff(db, { employeeNumber: `B${String(i).padStart(5, "0")}` })).id);
    await setSurveyStatus(db, "backup-2025", "open", actor);

    // Another process answers, as the server would, while this one takes the backup.
    const writer = spawn(process.execPath, ["--import", "tsx", "tests/support/submit-loop.ts", livePath, "backup-2025", ...staffIds.map(String)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const acknowledged: number[] = [];
    let buffered = "";
    const someAcknowledged = new Promise<void>((resolve) => {
      writer.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString("utf8");
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) if (line.startsWith("ack ")) acknowledged.push(Number(line.slice(4)));
        if (acknowledged.length >= 20) resolve();
      });
    });
    const finished = new Promise<number | null>((resolve) => writer.on("exit", resolve));
    await someAcknowledged;

    const backupPath = path.join(dir, "backup.sqlite");
    const acknowledgedBefore = [...acknowledged];
    const result = await runCommand(backupCommand, db, ["--to", backupPath]);
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    expect(await finished).toBe(0);
    // The writer went on answering during and after the backup.
    expect(acknowledged.length).toBe(STAFF);

    // Restore: the backup file alone is the database.
    const restored = createDb(backupPath);
    try {
      await migrateToLatest(restored);
      const participants = await restored.selectFrom("survey_participation").select("staff_id").where("survey_id", "=", survey.id).execute();
      const present = new Set(participants.map((row) => row.staff_id));
      expect(acknowledgedBefore.filter((id) => !present.has(id))).toEqual([]);
      const responses = await restored.selectFrom("survey_responses").select("id").where("survey_id", "=", survey.id).execute();
      expect(responses.length).toBe(participants.length);
      expect(responses.length).toBeGreaterThanOrEqual(acknowledgedBefore.length);
    } finally {
      await restored.destroy();
    }

    // A backup never overwrites a file.
    const again = await runCommand(backupCommand, db, ["--to", backupPath]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain("すでにあります");
  }, 120_000);
});
