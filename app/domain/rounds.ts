import type { Relationship } from "#db/schema";
import { DEFAULT_MINIMUM_GROUP_SIZE, type SuppressedGroup, suppressSmallGroups } from "./survey/suppression";

/**
 * 360° rounds: what a participant has done, how a round covers each department, and what a
 * participant received. A message counts for a round when its round_id is that round; the
 * composer sets round_id when the sender takes part in an open round covering the day they send.
 */

/** Relationships in the order a report lists them: from the sender's point of view, as stored. */
export const RELATIONSHIPS: readonly Relationship[] = ["to_supervisor", "colleague", "to_report", "other"];

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
  total: CoverageFigures;
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
  return { total: coverageFigures(tallies, expected), departments: suppressSmallGroups(departments, minimumSize) };
}

/** A received message as the strengths report needs it: its tags by code. */
export interface TaggedMessage {
  relationship: Relationship;
  tagCodes: readonly string[];
}

export interface StrengthsReport<M extends TaggedMessage> {
  total: number;
  /** Tags in the order given, then untagged messages (tag null); a message sits under each of its tags. */
  byTag: { tag: string | null; count: number; messages: M[] }[];
  byRelationship: { relationship: Relationship; count: number }[];
}

/**
 * The messages one participant received in a round, grouped for the report. Tags and
 * relationships nobody used are left out, so the report shows strengths, not gaps.
 */
export function groupStrengths<M extends TaggedMessage>(messages: readonly M[], tagOrder: readonly string[]): StrengthsReport<M> {
  const byTag = [...tagOrder, null].map((tag) => {
    const tagged = messages.filter((message) => (tag === null ? message.tagCodes.length === 0 : message.tagCodes.includes(tag)));
    return { tag, count: tagged.length, messages: tagged };
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
