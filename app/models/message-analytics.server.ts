import { fiscalYearOf, fiscalYearRange, tokyoDate } from "~/domain/dates";
import { ROUND_MINIMUM_GROUP_SIZE, shareOf } from "~/domain/rounds";
import { type SuppressedGroup, suppressSmallGroups } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";
import { getSurveyResults } from "./results.server";
import { listActiveStaffDepartments } from "./rounds.server";

/**
 * I-message activity beside the survey outcomes it is meant to move (the logic model's activity
 * next to its outcome): Q05 "I tell colleagues their strengths" and Q15 "my efforts are
 * recognised". Staff are counted in their current 部; only active staff count, so each share's
 * numerator and denominator are the same people.
 */
export const OUTCOME_QUESTIONS = ["Q05", "Q15"] as const;
export type OutcomeQuestion = (typeof OUTCOME_QUESTIONS)[number];

export interface ActivityFigures {
  activeStaff: number;
  sent: number;
  /** Share of active staff who sent at least one message. */
  sentShare: number | null;
  /** Share of active staff who received at least one message. */
  receivedShare: number | null;
}

export interface MonthActivity extends ActivityFigures {
  /** YYYY-MM in Tokyo time. */
  month: string;
}

export interface Activity {
  year: ActivityFigures;
  months: MonthActivity[];
}

export type OutcomeMeans = Record<OutcomeQuestion, number | null>;

/** A department's survey outcome: none held, too few respondents to show, or the means. */
export type DepartmentOutcome = { kind: "no_survey" } | { kind: "suppressed" } | { kind: "no_respondents" } | { kind: "shown"; means: OutcomeMeans };

export interface DepartmentActivity extends Activity {
  name: string;
  /** Active staff, under the name suppression expects. */
  respondents: number;
  outcome: DepartmentOutcome;
}

export interface MessageAnalytics {
  fiscalYear: number;
  minimumSize: number;
  total: Activity & { outcome: DepartmentOutcome };
  departments: SuppressedGroup<DepartmentActivity>[];
  survey: { code: string; title_ja: string; title_en: string; minGroupSize: number } | null;
}

interface CountedMessage {
  senderId: number;
  recipientId: number;
  month: string;
}

/** The twelve months of a fiscal year, April to March. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    return `${month >= 4 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, "0")}`;
  });
}

/** Midnight in Tokyo as the UTC ISO text messages are stamped with, so text comparison orders them. */
function tokyoMidnightIso(date: string): string {
  return new Date(`${date}T00:00:00+09:00`).toISOString();
}

function figures(messages: readonly CountedMessage[], members: ReadonlySet<number>): ActivityFigures {
  const sent = messages.filter((message) => members.has(message.senderId));
  const senders = new Set(sent.map((message) => message.senderId));
  const recipients = new Set(messages.filter((message) => members.has(message.recipientId)).map((message) => message.recipientId));
  return {
    activeStaff: members.size,
    sent: sent.length,
    sentShare: shareOf(senders.size, members.size),
    receivedShare: shareOf(recipients.size, members.size),
  };
}

function activityOf(messages: readonly CountedMessage[], members: ReadonlySet<number>, months: readonly string[]): Activity {
  return {
    year: figures(messages, members),
    months: months.map((month) => ({ month, ...figures(messages.filter((message) => message.month === month), members) })),
  };
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
  // A survey under its minimum shows nothing at all, as on the results page.
  const shown = results.respondents >= min_group_size;
  const groups = new Map((results.breakdown?.groups ?? []).map((group) => [group.group, group]));
  const outcomeOf = (department: string): DepartmentOutcome => {
    const group = groups.get(department);
    if (!shown || group?.suppressed) return { kind: "suppressed" };
    return group ? { kind: "shown", means: meansOf(group.questions) } : { kind: "no_respondents" };
  };
  return {
    survey: { code, title_ja, title_en, minGroupSize: min_group_size },
    overall: (shown ? { kind: "shown", means: meansOf(results.questions) } : { kind: "suppressed" }) satisfies DepartmentOutcome,
    outcomeOf,
  };
}

/**
 * Monthly I-message activity per 部 for a fiscal year, with the year's survey outcomes. 部 with
 * fewer active staff than the minimum keep only their name (and a complement where needed).
 */
export async function messageAnalytics(db: Db, fiscalYear: number, minimumSize = ROUND_MINIMUM_GROUP_SIZE): Promise<MessageAnalytics> {
  const { start } = fiscalYearRange(fiscalYear);
  const nextStart = fiscalYearRange(fiscalYear + 1).start;
  const [staff, rows, outcomes] = await Promise.all([
    listActiveStaffDepartments(db),
    db
      .selectFrom("imessages")
      .select(["sender_id", "recipient_id", "created_at"])
      .where("created_at", ">=", tokyoMidnightIso(start))
      .where("created_at", "<", tokyoMidnightIso(nextStart))
      .where("hidden_at", "is", null)
      .execute(),
    outcomesFor(db, fiscalYear),
  ]);
  const months = fiscalYearMonths(fiscalYear);
  const messages = rows.map((row) => ({
    senderId: row.sender_id,
    recipientId: row.recipient_id,
    month: tokyoDate(new Date(row.created_at)).slice(0, 7),
  }));
  const membersByDepartment = new Map<string, Set<number>>();
  for (const person of staff) {
    const members = membersByDepartment.get(person.department) ?? new Set<number>();
    members.add(person.staffId);
    membersByDepartment.set(person.department, members);
  }
  const noSurvey: DepartmentOutcome = { kind: "no_survey" };
  const departments = [...membersByDepartment.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, members]): DepartmentActivity => ({
      name,
      respondents: members.size,
      ...activityOf(messages, members, months),
      outcome: outcomes ? outcomes.outcomeOf(name) : noSurvey,
    }));
  return {
    fiscalYear,
    minimumSize,
    total: { ...activityOf(messages, new Set(staff.map((person) => person.staffId)), months), outcome: outcomes?.overall ?? noSurvey },
    departments: suppressSmallGroups(departments, minimumSize),
    survey: outcomes?.survey ?? null,
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
