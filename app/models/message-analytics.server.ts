import { fiscalYearOf, fiscalYearRange, tokyoDate } from "~/domain/dates";
import {
  type ActivitySummary,
  type DepartmentOutcome,
  type OutcomeMeans,
  OUTCOME_QUESTIONS,
  type OutcomeQuestion,
  ROUND_MINIMUM_GROUP_SIZE,
  fiscalYearMonths,
  summariseActivity,
} from "~/domain/rounds";
import type { Db } from "~/utils/db.server";
import { getSurveyResults } from "./results.server";
import { listActiveStaffDepartments } from "./rounds.server";

/**
 * I-message activity beside the survey outcomes it is meant to move (the logic model's activity
 * next to its outcome). Staff are counted in their current 部.
 */
export interface MessageAnalytics extends ActivitySummary {
  fiscalYear: number;
  minimumSize: number;
  survey: { code: string; title_ja: string; title_en: string; minGroupSize: number } | null;
  /** The survey's outcome overall and per 部 name. */
  outcomes: { total: DepartmentOutcome; byDepartment: Record<string, DepartmentOutcome> };
}

/** Midnight in Tokyo as the UTC ISO text messages are stamped with, so text comparison orders them. */
function tokyoMidnightIso(date: string): string {
  return new Date(`${date}T00:00:00+09:00`).toISOString();
}

/** The latest survey of the fiscal year, whose Q05 and Q15 stand beside the year's activity. */
async function outcomesFor(db: Db, fiscalYear: number) {
  const survey = await db
    .selectFrom("surveys")
    .select("code")
    .where("fiscal_year", "=", fiscalYear)
    .orderBy("opens_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const results = survey ? await getSurveyResults(db, survey.code, "department") : null;
  if (!results) return null;
  const { code, title_ja, title_en, min_group_size } = results.definition.survey;
  const meansOf = (questions: readonly { code: string; mean: number | null }[]): OutcomeMeans => {
    const meanOf = (code: OutcomeQuestion) => questions.find((q) => q.code === code)?.mean ?? null;
    return { Q05: meanOf("Q05"), Q15: meanOf("Q15") };
  };
  // Only what the disclosure gate gives: nothing while the survey is open or under its minimum.
  const { figures } = results;
  const groups = new Map((figures?.breakdown?.groups ?? []).map((group) => [group.group, group]));
  // A survey without Q05 and Q15 has nothing to stand beside the activity, whatever its respondents.
  const asked = OUTCOME_QUESTIONS.some((outcome) => results.definition.sections.some((s) => s.questions.some((q) => q.code === outcome)));
  const outcomeOf = (department: string): DepartmentOutcome => {
    const group = groups.get(department);
    if (!asked) return { kind: "not_asked" };
    if (!figures || group?.suppressed) return { kind: "suppressed" };
    return group ? { kind: "shown", means: meansOf(group.questions) } : { kind: "no_respondents" };
  };
  return {
    survey: { code, title_ja, title_en, minGroupSize: min_group_size },
    overall: (!asked ? { kind: "not_asked" } : figures ? { kind: "shown", means: meansOf(figures.questions) } : { kind: "suppressed" }) satisfies DepartmentOutcome,
    outcomeOf,
  };
}

/**
 * Monthly I-message activity per 部 for a fiscal year, with the year's survey outcomes. 部 with
 * fewer active staff than the minimum keep only their name (and a complement where needed). The
 * minimum is the year's survey's, so activity and outcomes hide the same groups; 5 without a survey.
 */
export async function messageAnalytics(db: Db, fiscalYear: number, now = new Date()): Promise<MessageAnalytics> {
  const [staff, rows, outcomes] = await Promise.all([
    listActiveStaffDepartments(db),
    db
      .selectFrom("imessages")
      .select(["sender_id", "recipient_id", "created_at"])
      .where("created_at", ">=", tokyoMidnightIso(fiscalYearRange(fiscalYear).start))
      .where("created_at", "<", tokyoMidnightIso(fiscalYearRange(fiscalYear + 1).start))
      .where("hidden_at", "is", null)
      .execute(),
    outcomesFor(db, fiscalYear),
  ]);
  const messages = rows.map((row) => ({
    senderId: row.sender_id,
    recipientId: row.recipient_id,
    month: tokyoDate(new Date(row.created_at)).slice(0, 7),
  }));
  // Months still to come would read as months without appreciation.
  const thisMonth = tokyoDate(now).slice(0, 7);
  const months = fiscalYearMonths(fiscalYear).filter((month) => month <= thisMonth);
  const minimumSize = outcomes?.survey.minGroupSize ?? ROUND_MINIMUM_GROUP_SIZE;
  const summary = summariseActivity(staff, messages, months, minimumSize);
  const noSurvey: DepartmentOutcome = { kind: "no_survey" };
  const departmentNames = [...new Set(staff.map((person) => person.department))];
  return {
    fiscalYear,
    minimumSize,
    ...summary,
    survey: outcomes?.survey ?? null,
    outcomes: {
      total: outcomes?.overall ?? noSurvey,
      byDepartment: Object.fromEntries(departmentNames.map((name) => [name, outcomes ? outcomes.outcomeOf(name) : noSurvey])),
    },
  };
}

/** Fiscal years worth offering: from the first message to now, and any year with a survey. */
export async function analyticsFiscalYears(db: Db, now = new Date()): Promise<number[]> {
  const [first, surveys] = await Promise.all([
    db.selectFrom("imessages").select((eb) => eb.fn.min("created_at").as("first")).executeTakeFirst(),
    db.selectFrom("surveys").select("fiscal_year").distinct().execute(),
  ]);
  const current = fiscalYearOf(now);
  const from = first?.first ? fiscalYearOf(new Date(first.first)) : current;
  const years = new Set(surveys.map((survey) => survey.fiscal_year));
  for (let year = from; year <= current; year++) years.add(year);
  return [...years].sort((a, b) => b - a);
}
