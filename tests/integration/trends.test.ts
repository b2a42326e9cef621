import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { surveyTrend } from "~/models/trends.server";
import { loader as trendLoader } from "~/routes/results.$code_.trend";
import { createTestDb } from "../support/db";
import { downloadLoader } from "../support/downloads";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const trendCsvLoader = downloadLoader("trend.csv");

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { role: "staff" });
const actor = { id: null, label: "test" };

/** `threes` people answer 3 and the rest 2 on every question. */
async function surveyWith(code: string, fiscalYear: number, people: number, threes: number) {
  await createSurveyFromTemplate(db, shinagawaFy2023.code, { code, fiscalYear }, actor);
  const definition = (await loadSurveyDefinition(db, code))!;
  await importResponses(
    db,
    definition,
    Array.from({ length: people }, (_, index) => ({
      groups: { department: "区民部", job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" },
      answers: Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, index < threes ? 3 : 2])),
    })),
    actor,
  );
}

// 2023: 13 of 22 answer 3 → 57 / 22 = 2.591; 2024: 16 of 20 → 56 / 20 = 2.800; 2025: too few to show.
await surveyWith("trend-2023", 2023, 22, 13);
await surveyWith("trend-2024", 2024, 20, 16);
await surveyWith("trend-2025", 2025, 3, 3);
await surveyWith("unlinked-2030", 2030, 10, 5);

describe("the multi-year trend", () => {
  it("follows previous_survey_id back and forward, one year per linked survey", async () => {
    const trend = (await surveyTrend(db, "trend-2024"))!;
    expect(trend.years).toEqual([
      { code: "trend-2023", fiscalYear: 2023, respondents: 22, figuresShown: true },
      { code: "trend-2024", fiscalYear: 2024, respondents: 20, figuresShown: true },
      { code: "trend-2025", fiscalYear: 2025, respondents: 3, figuresShown: false },
    ]);
  });

  it("gives each question's mean per year and the change from the previous year, exactly", async () => {
    const trend = (await surveyTrend(db, "trend-2023"))!;
    expect(trend.rows.map((row) => row.code)).toEqual(shinagawaFy2023.questions.map((q) => q.code));
    const q01 = trend.rows.find((row) => row.code === "Q01")!;
    expect(q01.cells).toEqual([
      { fiscalYear: 2023, mean: 2.591, n: 22, change: null },
      { fiscalYear: 2024, mean: 2.8, n: 20, change: 0.209 },
      // A year under the minimum shows nothing, so there is no change to give either.
      { fiscalYear: 2025, mean: null, n: 0, change: null },
    ]);
    expect(q01.baseline).toEqual({ value: 2.577, fiscalYear: 2023 });
    expect(q01.target).toBe(3);
  });

  it("has one year for a survey without links", async () => {
    const trend = (await surveyTrend(db, "unlinked-2030"))!;
    expect(trend.years.map((y) => y.code)).toEqual(["unlinked-2030"]);
    expect(await surveyTrend(db, "nope")).toBeNull();
  });

  it("is HR's page, and its table downloads as audited CSV", async () => {
    const page = await responseOf(async () =>
      trendLoader({ request: await requestAs(db, hr.id, "/results/trend-2024/trend"), params: { code: "trend-2024" }, context: {} }),
    );
    expect(page.status).toBe(200);
    const data = (await page.json()) as SerializeFrom<typeof trendLoader>;
    expect(data.years).toHaveLength(3);

    const refused = await responseOf(async () =>
      trendLoader({ request: await requestAs(db, staff.id, "/results/trend-2024/trend"), params: { code: "trend-2024" }, context: {} }),
    );
    expect(refused.status).toBe(403);

    const csv = await responseOf(async () =>
      trendCsvLoader({ request: await requestAs(db, hr.id, "/results/trend-2024/trend.csv"), params: { code: "trend-2024" }, context: {} }),
    );
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.subarray(3)).split("\r\n");
    expect(lines[0]).toContain("令和5年度（2023年度） 平均値");
    expect(lines[0]).toContain("令和6年度（2024年度） 前年度からの変化");
    expect(lines[1]).toMatch(/^Q01,.*,2\.591,2\.800,0\.209,,,2\.577,3\.000$/);
    const audit = await db.selectFrom("audit_log").select(["action", "detail", "row_count"]).where("action", "=", "results.export").execute();
    expect(audit.map((row) => JSON.parse(row.detail) as { table: string })).toContainEqual(expect.objectContaining({ table: "trend", survey: "trend-2024" }));
  });
});
