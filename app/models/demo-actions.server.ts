import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { DemoAccount } from "#db/seed/demo-ward";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { reachableMean, seededRandom, syntheticAnswerSheets } from "~/domain/survey/synthetic";
import { hashPassword } from "~/utils/password.server";
import { createAction } from "./actions.server";
import { defineIndicator, recordIndicatorValue } from "./indicators.server";
import type { Actor } from "./audit.server";
import { publishSummary } from "./publications.server";
import { importResponses } from "./responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "./surveys.server";

/** The survey the demo's FY2023 survey follows: reported by 課, so a 課長 sees their own 課. */
export const DEMO_EARLIER_SURVEY = "kpi-fy2022";
const FOLLOWED_BY = "kpi-fy2023";
/** The demo 課長 (人事課) who signs in to see their 課's results. */
export const DEMO_MANAGER_UNIT = "総務部/人事課";
const DEMO_MANAGER_PASSWORD = "yell-manager-2026";
const RESPONDENTS = 640;
/** FY2022 sits a little under the FY2023 baselines; Q08, the action's KPI, further. */
const lowerBy = (code: string) => (code === "Q08" ? 0.15 : 0.04);

const demoActor: Actor = { id: null, label: "demo" };

/** Minato's HR indicators, their targets and latest values (seed: 港区人事方針, values of R5/R6). */
const MINATO_INDICATORS = [
  { code: "women-managers", name_ja: "女性管理職の割合", name_en: "Women in management", unit: "percent", targetMilli: 30_000, value: 18_600, fiscalYear: 2024, source: "港区職員のワーク・ライフ・バランス推進プラン" },
  { code: "paternity-leave", name_ja: "男性の育休取得率", name_en: "Men taking childcare leave", unit: "percent", targetMilli: 85_000, value: 82_900, fiscalYear: 2024, source: "こども未来戦略方針" },
  { code: "disability-employment", name_ja: "障害者雇用率", name_en: "Employment of people with disabilities", unit: "percent", targetMilli: 3_000, value: 2_910, fiscalYear: 2024, source: "障害者の雇用の促進等に関する法律" },
  { code: "annual-leave", name_ja: "年休平均取得日数", name_en: "Annual leave taken (average days)", unit: "days", targetMilli: 16_000, value: 17_300, fiscalYear: 2023, source: "みなとワークスタイル宣言" },
  { code: "overtime", name_ja: "平均超過勤務時間（月）", name_en: "Average overtime per month", unit: "hours", targetMilli: null, value: 10_900, fiscalYear: 2023, source: "港区人事方針" },
] as const;

/**
 * From results to action, in the demo: a closed FY2022 survey (by 課) that FY2023 follows, an
 * action on its Q08 whose change FY2023 shows, its summary shared with staff, and a 課長 account.
 * Returns the 課長's sign-in details, or null when the roster has no 課長 in that 課.
 */
export async function seedDemoActions(db: Kysely<Database>, now: Date): Promise<DemoAccount | null> {
  const random = seededRandom(20230401);
  await createSurveyFromTemplate(
    db,
    shinagawaFy2023.code,
    { code: DEMO_EARLIER_SURVEY, fiscalYear: 2022, opensOn: "2023-01-16", closesOn: "2023-01-27" },
    demoActor,
    now,
  );
  const earlier = (await loadSurveyDefinition(db, DEMO_EARLIER_SURVEY))!;
  const sections = await db.selectFrom("departments").select("path").where("depth", "=", 2).orderBy("path").execute();
  // A few small 課 answer too rarely to be shown, so the heatmap has hidden cells to mark.
  const weights = sections.map((section, index) => [section.path, index % 7 === 3 ? 0.15 : 1 + (index % 3)] as const);
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  const pickSection = () => {
    let roll = random() * total;
    for (const [path, weight] of weights) {
      roll -= weight;
      if (roll < 0) return path;
    }
    return weights[weights.length - 1]![0];
  };
  const sheets = syntheticAnswerSheets(
    shinagawaFy2023.questions.map((q) => ({ code: q.code, mean: reachableMean(q.baseline.value - lowerBy(q.code), RESPONDENTS) })),
    RESPONDENTS,
    random,
  );
  await importResponses(
    db,
    earlier,
    sheets.map((answers) => ({
      groups: { department: pickSection(), job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" },
      answers,
    })),
    demoActor,
    now,
  );
  await setSurveyStatus(db, DEMO_EARLIER_SURVEY, "closed", demoActor, now);
  await db.updateTable("surveys").set({ previous_survey_id: earlier.survey.id }).where("code", "=", FOLLOWED_BY).execute();

  await createAction(
    db,
    demoActor,
    DEMO_EARLIER_SURVEY,
    {
      title: "課長による月1回の1on1ミーティングを全課で実施",
      owner: "人事課",
      dueOn: "2024-03-31",
      status: "done",
      unitPath: null,
      targets: [
        { kind: "kpi", code: "Q08" },
        { kind: "outcome", code: "03" },
      ],
    },
    { kind: "all" },
    now,
  );
  await publishSummary(
    db,
    demoActor,
    DEMO_EARLIER_SURVEY,
    {
      ja: "令和4年度の職員アンケートでは、上司との対話（Q08）が目標を大きく下回りました。\n\nそこで、全課で課長による月1回の1on1ミーティングを始めます。",
      en: "In the FY2022 staff survey, dialogue with supervisors (Q08) fell well short of its target.\n\nEvery section will therefore start a monthly one-to-one meeting with its chief.",
    },
    now,
  );

  for (const indicator of MINATO_INDICATORS) {
    const { value, fiscalYear, source, ...definition } = indicator;
    await defineIndicator(db, demoActor, { ...definition, targetFiscalYear: null, higherIsBetter: true }, now);
    await recordIndicatorValue(db, demoActor, { code: definition.code, fiscalYear, valueMilli: value, source }, now);
  }

  const manager = await db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .select(["staff.id", "staff.employee_number"])
    .where("staff.job_level_code", "=", "section_chief")
    .where("departments.path", "like", `${DEMO_MANAGER_UNIT}%`)
    .orderBy("staff.employee_number")
    .executeTakeFirst();
  if (!manager) return null;
  await db.updateTable("staff").set({ password_hash: await hashPassword(DEMO_MANAGER_PASSWORD) }).where("id", "=", manager.id).execute();
  return { employeeNumber: manager.employee_number, role: "staff", password: DEMO_MANAGER_PASSWORD };
}
