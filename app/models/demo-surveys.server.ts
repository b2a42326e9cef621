import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { demoAccounts, isReservedForTests } from "#db/seed/demo-ward";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { fiscalYearOf, tokyoDate } from "~/domain/dates";
import { AGE_BAND_LABELS, AGE_BANDS } from "~/domain/survey/age-band";
import type { RespondentGroups } from "~/domain/survey/respondent-groups";
import { reachableMean, seededRandom, syntheticAnswerSheets } from "~/domain/survey/synthetic";
import type { Actor } from "./audit.server";
import { importResponses, submitResponse } from "./responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "./surveys.server";

export const DEMO_SURVEYS = { closed: "kpi-fy2023", open: "kpi-fy2024", pulsePrefix: "pulse-fy" } as const;

/** Staff the demo leaves unanswered, so a newcomer (and the end-to-end tests) can answer themselves. */
function isKeptForTrying(employeeNumber: string): boolean {
  return demoAccounts.some((a) => a.role === "staff" && a.employeeNumber === employeeNumber) || isReservedForTests(employeeNumber);
}

const demoActor: Actor = { id: null, label: "demo" };
/** The FY2024 demo shows modest progress on every KPI. */
const DEMO_IMPROVEMENT = 0.06;

function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/**
 * The closed FY2023 survey holds 1,736 imported answer sheets whose means are exactly the
 * published baselines; the open FY2024 survey has answers from most of the demo ward's staff;
 * a closed pulse survey of the current fiscal year sits beside the demo's I-messages.
 */
export async function seedDemoSurveys(db: Kysely<Database>, now: Date): Promise<void> {
  const random = seededRandom(20240322);
  await seedImportedSurvey(db, random, {
    code: DEMO_SURVEYS.closed,
    fiscalYear: 2023,
    opensOn: shinagawaFy2023.fielded.from,
    closesOn: shinagawaFy2023.fielded.to,
    respondents: shinagawaFy2023.baseline_respondents,
    meanFrom: (baseline) => baseline,
    now,
  });
  const day = 86_400_000;
  await createSurveyFromTemplate(
    db,
    shinagawaFy2023.code,
    { code: DEMO_SURVEYS.open, fiscalYear: 2024, opensOn: tokyoDate(new Date(now.getTime() - 7 * day)), closesOn: tokyoDate(new Date(now.getTime() + 21 * day)) },
    demoActor,
    now,
  );
  await setSurveyStatus(db, DEMO_SURVEYS.open, "open", demoActor, now);
  const open = (await loadSurveyDefinition(db, DEMO_SURVEYS.open))!;
  const respondents = (
    await db.selectFrom("staff").select(["id", "employee_number", "role"]).where("active", "=", 1).orderBy("employee_number").execute()
  ).filter((s) => s.role === "staff" && !isKeptForTrying(s.employee_number));
  const openSheets = syntheticAnswerSheets(
    shinagawaFy2023.questions.map((q) => ({ code: q.code, mean: reachableMean(q.baseline.value + DEMO_IMPROVEMENT, respondents.length) })),
    respondents.length,
    random,
  );
  for (const [index, person] of respondents.entries()) {
    await submitResponse(db, open, person.id, openSheets[index]!, now);
  }

  // This year's pulse, answered a month ago: the year the demo's I-messages are in, so the
  // analytics page shows activity beside Q05 and Q15 on first start.
  const pulseOpens = new Date(now.getTime() - 35 * day);
  const pulseYear = fiscalYearOf(pulseOpens);
  await seedImportedSurvey(db, random, {
    code: `${DEMO_SURVEYS.pulsePrefix}${pulseYear}`,
    fiscalYear: pulseYear,
    opensOn: tokyoDate(pulseOpens),
    closesOn: tokyoDate(new Date(now.getTime() - 14 * day)),
    respondents: Math.round(respondents.length * 0.8),
    meanFrom: (baseline, count) => reachableMean(baseline + 2 * DEMO_IMPROVEMENT, count),
    now,
  });
}

interface ImportedSurveyPlan {
  code: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  respondents: number;
  /** Each question's mean from its published baseline (and the number of sheets). */
  meanFrom: (baseline: number, respondents: number) => number;
  now: Date;
}

/** A closed survey holding synthetic imported answer sheets, spread over the ward's 部 and groups. */
async function seedImportedSurvey(db: Kysely<Database>, random: () => number, plan: ImportedSurveyPlan): Promise<void> {
  await createSurveyFromTemplate(
    db,
    shinagawaFy2023.code,
    { code: plan.code, fiscalYear: plan.fiscalYear, opensOn: plan.opensOn, closesOn: plan.closesOn },
    demoActor,
    plan.now,
  );
  const survey = (await loadSurveyDefinition(db, plan.code))!;
  const departments = await db.selectFrom("departments").select("name").where("depth", "=", 1).orderBy("id").execute();
  const departmentWeights = departments.map((d, i) => [d.name, 2 + (i % 3)] as const);
  const sheets = syntheticAnswerSheets(
    shinagawaFy2023.questions.map((q) => ({ code: q.code, mean: plan.meanFrom(q.baseline.value, plan.respondents) })),
    plan.respondents,
    random,
  );
  const rows = sheets.map((answers) => {
    const groups: RespondentGroups = {
      department: pick(random, departmentWeights),
      job_level: pick(random, [["主事", 40], ["主任", 25], ["係長級", 15], ["課長補佐級", 5], ["課長級", 4], ["部長級", 1], ["係員", 6], ["技能主任", 4]] as const),
      age_band: AGE_BAND_LABELS[pick(random, AGE_BANDS.map((band, i) => [band, [22, 28, 26, 24][i]!] as const))].label_ja,
      employment_type: pick(random, [["常勤", 78], ["再任用", 7], ["臨時的任用", 2], ["会計年度任用", 13]] as const),
    };
    return { groups, answers };
  });
  await importResponses(db, survey, rows, demoActor, plan.now);
  await setSurveyStatus(db, plan.code, "closed", demoActor, plan.now);
}
