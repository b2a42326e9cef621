import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { action as createAction, loader as listLoader } from "~/routes/manage.surveys._index";
import { action as surveyAction } from "~/routes/manage.surveys.$code";
import { action as importAction, loader as importLoader } from "~/routes/manage.surveys.$code_.import";
import { loader as jobLoader } from "~/routes/jobs.$id";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";
import { groupedCsv } from "../support/survey-files";

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { role: "staff" });

function form(fields: Record<string, string>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

async function post(handler: (args: ActionFunctionArgs) => Promise<unknown>, staffId: number, url: string, body: FormData, params: Record<string, string> = {}) {
  const request = await requestAs(db, staffId, url, { method: "POST", body });
  return responseOf(() => handler({ request, params, context: {} }));
}

const creation = { source: "template:shinagawa-fy2023", code: "kpi-2025", fiscalYear: "2025", opensOn: "2026-01-10", closesOn: "2026-01-31" };

describe("survey management", () => {
  it("refuses staff on every page and action", async () => {
    const list = await responseOf(async () => listLoader({ request: await requestAs(db, staff.id, "/manage/surveys"), params: {}, context: {} }));
    expect(list.status).toBe(403);
    expect((await post(createAction, staff.id, "/manage/surveys", form(creation))).status).toBe(403);
  });

  it("explains bad input field by field and creates nothing", async () => {
    const response = await post(createAction, hr.id, "/manage/surveys", form({ ...creation, code: "bad code!", closesOn: "2026-01-01" }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string> };
    expect(body.errors).toEqual({
      code: "半角英数字、ハイフン、下線で入力してください（先頭は英数字）。",
      closesOn: "終了日は開始日より後にしてください。",
    });
    expect(await db.selectFrom("surveys").select("id").execute()).toEqual([]);
  });

  it("creates a survey from the template and refuses the same code twice", async () => {
    const created = await post(createAction, hr.id, "/manage/surveys", form(creation));
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe("/manage/surveys/kpi-2025?created=1");
    const again = await post(createAction, hr.id, "/manage/surveys", form(creation));
    expect(again.status).toBe(400);
    expect(((await again.json()) as { errors: Record<string, string> }).errors.code).toBe("コード「kpi-2025」は既に使われています。");
  });

  it("overrides a KPI target, returns it to the rule when blank, and rejects an impossible one", async () => {
    const params = { code: "kpi-2025" };
    const url = "/manage/surveys/kpi-2025";
    const bad = await post(surveyAction, hr.id, url, form({ intent: "targets", Q01: "5", Q06: "2.7" }), params);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string> }).errors).toEqual({
      Q01: "目標値は 1.000〜4.000 の数値（小数第3位まで）で入力してください。",
    });
    const kpiOf = async (code: string) =>
      (await loadSurveyDefinition(db, "kpi-2025"))!.sections.flatMap((s) => s.questions).find((q) => q.code === code)!.kpi!;
    expect(await kpiOf("Q06")).toMatchObject({ targetMilli: 2500, targetOverridden: false });

    expect((await post(surveyAction, hr.id, url, form({ intent: "targets", Q06: "２.８" }), params)).status).toBe(302);
    expect(await kpiOf("Q06")).toMatchObject({ targetMilli: 2800, targetOverridden: true });
    expect((await post(surveyAction, hr.id, url, form({ intent: "targets", Q06: "" }), params)).status).toBe(302);
    expect(await kpiOf("Q06")).toMatchObject({ targetMilli: 2500, targetOverridden: false });
  });

  it("changes settings only while a draft, and moves the status forward only", async () => {
    const params = { code: "kpi-2025" };
    const url = "/manage/surveys/kpi-2025";
    const settings = { intent: "settings", opensOn: "2026-02-01", closesOn: "2026-02-20", minGroupSize: "8" };
    expect((await post(surveyAction, hr.id, url, form(settings), params)).status).toBe(302);
    expect((await loadSurveyDefinition(db, "kpi-2025"))!.survey).toMatchObject({ min_group_size: 8, opens_on: "2026-02-01" });
    expect((await post(surveyAction, hr.id, url, form({ intent: "status", status: "open" }), params)).status).toBe(302);
    const locked = await post(surveyAction, hr.id, url, form({ ...settings, minGroupSize: "3" }), params);
    expect(locked.status).toBe(400);
    expect((await loadSurveyDefinition(db, "kpi-2025"))!.survey.min_group_size).toBe(8);
    const reopen = await post(surveyAction, hr.id, url, form({ intent: "status", status: "open" }), params);
    expect(reopen.status).toBe(400);
  });

  it("imports past answers from an uploaded CSV, all or nothing", async () => {
    // Past answers go only into a survey never opened to staff (kpi-2025 has been opened above).
    await createSurveyFromTemplate(db, "shinagawa-fy2023", { code: "past-2024", fiscalYear: 2024 }, { id: null, label: "test" });
    const params = { code: "past-2024" };
    const url = "/manage/surveys/past-2024/import";
    const upload = (csv: string) => {
      const body = new FormData();
      body.set("file", new File([csv], "answers.csv", { type: "text/csv" }));
      return body;
    };
    // The import runs as a background job of the session that started it; the page follows it.
    const cookie = (await requestAs(db, hr.id, url)).headers.get("Cookie")!;
    const startImport = async (csv: string) => {
      const request = new Request(new URL(url, "http://localhost"), { method: "POST", body: upload(csv), headers: { Cookie: cookie } });
      const started = await responseOf(() => importAction({ request, params, context: {} }));
      expect(started.status).toBe(302);
      const location = started.headers.get("Location")!;
      const jobId = new URL(location, "http://localhost").searchParams.get("job")!;
      const poll = () => new Request(new URL(`/jobs/${jobId}`, "http://localhost"), { headers: { Cookie: cookie } });
      for (let state = { status: "running" }; state.status === "running"; await new Promise((resolve) => setTimeout(resolve, 20))) {
        state = (await (await responseOf(() => jobLoader({ request: poll(), params: { id: jobId }, context: {} }))).json()) as { status: string };
      }
      // Someone else's session cannot see the job.
      const stranger = await requestAs(db, hr.id, `/jobs/${jobId}`);
      expect((await responseOf(() => jobLoader({ request: stranger, params: { id: jobId }, context: {} }))).status).toBe(404);
      const page = new Request(new URL(location, "http://localhost"), { headers: { Cookie: cookie } });
      return responseOf(() => importLoader({ request: page, params, context: {} }));
    };
    const bad = await startImport(groupedCsv({ 総務部: 6 }).replace("\n総務部,1,", "\n総務部,9,"));
    const body = (await bad.json()) as { job: { status: string; problems: string[] } };
    expect(body.job).toMatchObject({ status: "failed", problems: ["2行目「Q01」列: 「9」は選択肢の範囲外です。"] });
    expect(await db.selectFrom("survey_responses").select("id").execute()).toEqual([]);

    const good = await startImport(groupedCsv({ 総務部: 6 }));
    expect(good.status).toBe(302);
    expect(good.headers.get("Location")).toBe("/manage/surveys/past-2024/import?imported=6");
    const audit = await db.selectFrom("audit_log").select(["actor_label", "row_count"]).where("action", "=", "survey.import_responses").execute();
    expect(audit).toEqual([{ actor_label: hr.employee_number, row_count: 6 }]);
  });
});
