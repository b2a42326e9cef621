import type { Relationship } from "#db/schema";
import { DEFAULT_MINIMUM_GROUP_SIZE, type SuppressedGroup, suppressSmallGroups } from "./survey/suppression";

/**
 * 360° rounds: what a participant has done, how a round covers each department, and what a
 * participant received. A message counts for a round when its round_id is that round; the
 * composer sets round_id when the sender takes part in an open round covering the day they send.
 */

/** Relationships in the order a report lists them: from the sender's point of view, as stored. */
export const RELATIONSHIPS: readonly Relationship[] = ["to_supervisor", "colleague", "to_report", "other"];

/** What HR usually asks of each participant (also the database column default). */
export const DEFAULT_EXPECTED_PER_PARTICIPANT = 3;

/** Departments with fewer participants than this show no coverage figures (nor their complement). */
export const ROUND_MINIMUM_GROUP_SIZE = DEFAULT_MINIMUM_GROUP_SIZE;

export interface RoundTerms {
  expected: number;
  requireSupervisor: boolean;
}

export interface RoundProgress {
  sent: number;
  expected: number;
  sentToSupervisor: boolean;
  requireSupervisor: boolean;
  /** Sent the expected number and, where asked, at least one to the supervisor. */
  complete: boolean;
}

/** A participant's progress from the relationships of the round messages they sent. */
export function roundProgress(terms: RoundTerms, sentRelationships: readonly Relationship[]): RoundProgress {
  const sent = sentRelationships.length;
  const sentToSupervisor = sentRelationships.includes("to_supervisor");
  return {
    sent,
    expected: terms.expected,
    sentToSupervisor,
    requireSupervisor: terms.requireSupervisor,
    complete: sent >= terms.expected && (sentToSupervisor || !terms.requireSupervisor),
  };
}

/** What the progress line says, part by part; the words come from the dictionary. */
export type ProgressPart =
  | { kind: "sent"; sent: number; expected: number }
  | { kind: "supervisor"; done: boolean };

export function progressParts(progress: RoundProgress): ProgressPart[] {
  const parts: ProgressPart[] = [{ kind: "sent", sent: progress.sent, expected: progress.expected }];
  if (progress.requireSupervisor) parts.push({ kind: "supervisor", done: progress.sentToSupervisor });
  return parts;
}

/** part / whole as a fraction rounded half-up to 0.001 in integers (54.6 %); null for an empty whole. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 2000 + whole) / (2 * whole)) / 1000;
}

/** One participant's round messages as counts: coverage never sees who they are. */
export interface ParticipantTally {
  department: string;
  sent: number;
  received: number;
}

export interface CoverageFigures {
  participants: number;
  metExpected: number;
  receivedAny: number;
  receivedNone: number;
  metExpectedShare: number | null;
  receivedAnyShare: number | null;
}

export interface DepartmentCoverage extends CoverageFigures {
  name: string;
  /** The participant count, under the name suppression expects. */
  respondents: number;
}

export interface RoundCoverage {
  /** Who takes part is no secret; only what they did is counted with care. */
  participants: number;
  /** Null when the whole round has fewer participants than the minimum. */
  total: CoverageFigures | null;
  departments: SuppressedGroup<DepartmentCoverage>[];
}

function coverageFigures(tallies: readonly ParticipantTally[], expected: number): CoverageFigures {
  const participants = tallies.length;
  const metExpected = tallies.filter((tally) => tally.sent >= expected).length;
  const receivedAny = tallies.filter((tally) => tally.received > 0).length;
  return {
    participants,
    metExpected,
    receivedAny,
    receivedNone: participants - receivedAny,
    metExpectedShare: shareOf(metExpected, participants),
    receivedAnyShare: shareOf(receivedAny, participants),
  };
}

/**
 * Coverage per department (in code-point order of the names) and overall. Departments under the
 * minimum are reduced to their names, with a complement where needed, as survey results are.
 */
export function roundCoverage(
  tallies: readonly ParticipantTally[],
  expected: number,
  minimumSize: number = ROUND_MINIMUM_GROUP_SIZE,
): RoundCoverage {
  const byDepartment = new Map<string, ParticipantTally[]>();
  for (const tally of tallies) byDepartment.set(tally.department, [...(byDepartment.get(tally.department) ?? []), tally]);
  const departments = [...byDepartment.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name): DepartmentCoverage => {
      const figures = coverageFigures(byDepartment.get(name)!, expected);
      return { name, respondents: figures.participants, ...figures };
    });
  return {
    participants: tallies.length,
    total: tallies.length >= minimumSize ? coverageFigures(tallies, expected) : null,
    departments: suppressSmallGroups(departments, minimumSize),
  };
}

/** A received message as the strengths report needs it: its tags by code. */
export interface TaggedMessage {
  relationship: Relationship;
  tagCodes: readonly string[];
}

/** A message as the strengths report shows it to its recipient. */
export interface ReceivedMessage extends TaggedMessage {
  id: number;
  senderName: string;
  scene: string;
  feeling: string;
  effect: string;
  createdAt: string;
}

export interface StrengthsReport<M extends TaggedMessage> {
  total: number;
  /**
   * Tags in the order given, then untagged messages (tag null). `count` counts every message
   * carrying the tag; `messages` lists each message once, under the first of its tags, so a
   * message with two tags is not printed twice.
   */
  byTag: { tag: string | null; count: number; messages: M[] }[];
  byRelationship: { relationship: Relationship; count: number }[];
}

/**
 * The messages one participant received in a round, grouped for the report. Tags and
 * relationships nobody used are left out, so the report shows strengths, not gaps.
 */
export function groupStrengths<M extends TaggedMessage>(messages: readonly M[], tagOrder: readonly string[]): StrengthsReport<M> {
  const rank = new Map(tagOrder.map((tag, index) => [tag, index]));
  const firstTag = (message: M) =>
    message.tagCodes.filter((code) => rank.has(code)).sort((a, b) => rank.get(a)! - rank.get(b)!)[0] ?? null;
  const byTag = [...tagOrder, null].map((tag) => {
    const tagged = messages.filter((message) => (tag === null ? firstTag(message) === null : message.tagCodes.includes(tag)));
    return { tag, count: tagged.length, messages: tagged.filter((message) => firstTag(message) === tag) };
  });
  const byRelationship = RELATIONSHIPS.map((relationship) => ({
    relationship,
    count: messages.filter((message) => message.relationship === relationship).length,
  }));
  return {
    total: messages.length,
    byTag: byTag.filter((group) => group.count > 0),
    byRelationship: byRelationship.filter((group) => group.count > 0),
  };
}

/*
 * I-message activity for HR's analytics page, beside the survey outcomes the messages are meant
 * to move: Q05 "I notice colleagues' strengths and tell them" and Q15 "my efforts are
 * recognised". Only active staff count, so each share's numerator and denominator are the same
 * people.
 */

export const OUTCOME_QUESTIONS = ["Q05", "Q15"] as const;
export type OutcomeQuestion = (typeof OUTCOME_QUESTIONS)[number];
export type OutcomeMeans = Record<OutcomeQuestion, number | null>;

/**
 * A 部's survey outcome: no survey that year, a survey that does not ask Q05 or Q15, too few
 * respondents to show, none from the 部, or the means.
 */
export type DepartmentOutcome =
  | { kind: "no_survey" }
  | { kind: "not_asked" }
  | { kind: "suppressed" }
  | { kind: "no_respondents" }
  | { kind: "shown"; means: OutcomeMeans };

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

export interface DepartmentActivity extends Activity {
  name: string;
  /** Active staff, under the name suppression expects. */
  respondents: number;
}

export interface ActivitySummary {
  total: Activity;
  departments: SuppressedGroup<DepartmentActivity>[];
}

export interface CountedMessage {
  senderId: number;
  recipientId: number;
  /** YYYY-MM in Tokyo time. */
  month: string;
}

/** The twelve months of a fiscal year, April to March, as YYYY-MM. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    return `${month >= 4 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, "0")}`;
  });
}

function activityFigures(messages: readonly CountedMessage[], members: ReadonlySet<number>): ActivityFigures {
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
    year: activityFigures(messages, members),
    months: months.map((month) => ({ month, ...activityFigures(messages.filter((message) => message.month === month), members) })),
  };
}

/**
 * Activity over the given months, overall and per 部 (code-point order). A message counts for the
 * 部 of its sender (sent) and of its recipient (received); 部 under the minimum are reduced to names.
 */
export function summariseActivity(
  staff: readonly { staffId: number; department: string }[],
  messages: readonly CountedMessage[],
  months: readonly string[],
  minimumSize: number = ROUND_MINIMUM_GROUP_SIZE,
): ActivitySummary {
  const membersByDepartment = new Map<string, Set<number>>();
  for (const person of staff) {
    const members = membersByDepartment.get(person.department) ?? new Set<number>();
    members.add(person.staffId);
    membersByDepartment.set(person.department, members);
  }
  const departments = [...membersByDepartment.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, members]): DepartmentActivity => ({ name, respondents: members.size, ...activityOf(messages, members, months) }));
  return {
    total: activityOf(messages, new Set(staff.map((person) => person.staffId)), months),
    departments: suppressSmallGroups(departments, minimumSize),
  };
}
