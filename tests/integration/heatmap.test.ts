import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "~/domain/csv";
import { loader as pageLoader } from "~/routes/results.$code_.heatmap";
import { createTestDb } from "../support/db";
import { downloadLoader } from "../support/downloads";
import { createStaff } from "../support/factories";
import { useDatabaseForApp } from "../support/requests";
import { callAs, closedSurveyWithAnswers } from "../support/results-data";

const csvLoader = downloadLoader("heatmap.csv");

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { role: "staff" });

// 総務部 (3) is under the minimum of 5; 企画部 (5) is hidden with it so 総務部 cannot be subtracted out.
await closedSurveyWithAnswers(db, "heat", 2023, [
  ["総務部", 3, 1],
  ["企画部", 5, 2],
  ["区民部", 6, 3],
  ["福祉部", 8, 4],
]);

const call = (loader: Parameters<typeof callAs>[1], staffId: number, path: string) => callAs(db, loader, staffId, path, { code: "heat" });

describe("the heatmap", () => {
  it("marks suppressed groups' cells hidden and carries no figure of them", async () => {
    const response = await call(pageLoader, hr.id, "/results/heat/heatmap?by=department");
    expect(response.status).toBe(200);
    const data = (await response.json()) as SerializeFrom<typeof pageLoader>;
    const rows = Object.fromEntries(data.heatmap!.rows.map((row) => [row.group, row]));
    expect(rows["総務部"]?.cells.every((cell) => cell.hidden)).toBe(true);
    expect(rows["企画部"]?.respondents).toBeNull();
    // 区民部 all 3s, 福祉部 all 4s; overall (3×1 + 5×2 + 6×3 + 8×4) / 22 = 63 / 22 = 2.864.
    expect(rows["区民部"]?.cells[0]).toMatchObject({ hidden: false, mean: 3, difference: 0.136, colour: { band: 1 } });
    expect(rows["福祉部"]?.cells[0]).toMatchObject({ mean: 4, difference: 1.136, colour: { band: 3 } });
  });

  it("compares with the target when asked", async () => {
    const data = (await (await call(pageLoader, hr.id, "/results/heat/heatmap?by=department&against=target")).json()) as SerializeFrom<typeof pageLoader>;
    const row = data.heatmap!.rows.find((r) => r.group === "区民部");
    const q01Target = data.heatmap!.questions[0]!.reference!;
    expect(row?.cells[0]).toMatchObject({ difference: Math.round((3 - q01Target) * 1000) / 1000 });
  });

  it("downloads as CSV with hidden cells named, not figured", async () => {
    const response = await call(csvLoader, hr.id, "/results/heat/heatmap.csv?by=department");
    expect(response.status).toBe(200);
    const text = decodeCsvBytes(new Uint8Array(await response.arrayBuffer())).text;
    const generalAffairs = text.split("\r\n").find((line) => line.startsWith("総務部"));
    expect(generalAffairs).toMatch(/^総務部,,非表示,非表示/);
    expect(generalAffairs).not.toMatch(/1\.000/);
    const audit = await db.selectFrom("audit_log").select(["action", "detail"]).where("action", "=", "results.export").execute();
    expect(audit.map((entry) => JSON.parse(entry.detail))).toContainEqual(expect.objectContaining({ table: "heatmap", by: "department" }));
  });

  it("is refused to staff, and a bad grouping is a 400 for the download", async () => {
    expect((await call(pageLoader, staff.id, "/results/heat/heatmap")).status).toBe(403);
    expect((await call(csvLoader, staff.id, "/results/heat/heatmap.csv")).status).toBe(403);
    expect((await call(csvLoader, hr.id, "/results/heat/heatmap.csv?by=name")).status).toBe(400);
  });
});
