import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createSurveyFromTemplate, findSurvey, setSurveyStatus } from "~/models/surveys.server";
import { action as surveyAction, loader as surveyLoader } from "~/routes/manage.surveys.$code";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr", departmentPath: "総務部/人事課/人事係", jobLevel: "unit_chief" });
for (let i = 0; i < 6; i++) await createStaff(db, { departmentPath: "福祉部/福祉課/福祉係", birthYear: 1960 + i * 8 });
const actor = { id: null, label: "test" };
const params = { code: "report-2025" };
await createSurveyFromTemplate(db, "shinagawa-fy2023", { code: "report-2025", fiscalYear: 2025 }, actor);

function form(fields: Record<string, string>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

async function post(handler: (args: ActionFunctionArgs) => Promise<unknown>, url: string, body: FormData) {
  const request = await requestAs(db, hr.id, url, { method: "POST", body });
  return responseOf(() => handler({ request, params, context: {} }));
}

async function page() {
  const request = await requestAs(db, hr.id, "/manage/surveys/report-2025");
  return (await (await responseOf(() => surveyLoader({ request, params, context: {} }))).json()) as {
    reporting: Record<string, string | null>;
    reportingPreview: { staff: number; belowK: number } | null;
  };
}

describe("reporting groups on the survey management page", () => {
  it("shows before opening how many staff fall in combinations under the minimum, for the saved choice", async () => {
    expect((await page()).reportingPreview).toEqual({ staff: 7, belowK: 7 });
    const saved = await post(
      surveyAction,
      "/manage/surveys/report-2025",
      form({ intent: "reporting", department: "department", job_level: "", age_band: "", employment_type: "type" }),
    );
    expect(saved.status).toBe(302);
    const { reporting, reportingPreview } = await page();
    expect(reporting).toEqual({ department: "department", job_level: null, age_band: null, employment_type: "type" });
    // 福祉部 常勤 (6) now meets the minimum of 5; the HR member alone in 総務部 does not.
    expect(reportingPreview).toEqual({ staff: 7, belowK: 1 });
  });

  it("refuses an unknown level with a message and changes nothing", async () => {
    const response = await post(surveyAction, "/manage/surveys/report-2025", form({ intent: "reporting", department: "ward", job_level: "", age_band: "", employment_type: "" }));
    expect(response.status).toBe(400);
    expect(JSON.parse((await findSurvey(db, "report-2025"))!.report_dimensions!)).toMatchObject({ department: "department" });
  });

  it("fixes the choice when the survey opens", async () => {
    await setSurveyStatus(db, "report-2025", "open", actor);
    const response = await post(surveyAction, "/manage/surveys/report-2025", form({ intent: "reporting", department: "section", job_level: "", age_band: "", employment_type: "" }));
    expect(response.status).toBe(400);
    expect((await page()).reportingPreview).toBeNull();
  });
});
