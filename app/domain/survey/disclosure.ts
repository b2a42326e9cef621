/**
 * What of a survey's answers may be shown: the one place the confidentiality rules are written.
 * Every page, export, CLI command and chart reaches answer figures and per-group counts through
 * app/models/disclosure.server.ts, which applies these rules to the running tallies.
 *
 * - A survey's answer figures appear only once it is no longer open (an open survey's figures could
 *   be read before and after one person answers, and the difference is that person's answers), and
 *   only when at least the minimum group size answered it.
 * - A question's figures need at least the minimum of its own respondents (a question asked of a few
 *   staff only is hidden even when the survey as a whole has enough).
 * - A breakdown names only groups of at least the minimum, with complementary suppression
 *   (suppressSmallGroups); within a shown group, each question is judged again on the group's
 *   respondents to that question, with the same rule.
 * - Written comments name a group only when it holds twice the minimum, and the comments of the
 *   rest are pooled only when the pool holds at least the minimum.
 * - Response rates by department are participation, not answers, and are given while a survey is
 *   open; a department is named only with at least the minimum of eligible staff (with the same
 *   complementary suppression), the rest are pooled into the withheld group.
 */
import { WITHHELD_GROUP } from "./reporting-groups";
import { type GroupInput, type SuppressedGroup, suppressSmallGroups } from "./suppression";

export type SurveyPhase = "draft" | "open" | "closed";

export type WithheldReason =
  /** Still open: figures would change with each answer, and the change is that person's answer. */
  | "survey_open"
  /** Fewer respondents to the survey than its minimum group size. */
  | "too_few_respondents";

export type FiguresDecision = { shown: true } | { shown: false; reason: WithheldReason };

export interface DisclosureRules {
  status: SurveyPhase;
  minimumSize: number;
}

function assertMinimum(minimumSize: number): void {
  if (!Number.isSafeInteger(minimumSize) || minimumSize < 1) {
    throw new RangeError(`minimum group size must be a positive integer: ${minimumSize}`);
  }
}

/**
 * Whether any answer figure of a survey may be shown. Respondent counts and response rates are not
 * answer figures: they are given whatever this says. A survey that never opened (imported past
 * answers) is judged on its respondents only.
 */
export function surveyFigures(rules: DisclosureRules, respondents: number): FiguresDecision {
  assertMinimum(rules.minimumSize);
  if (rules.status === "open") return { shown: false, reason: "survey_open" };
  if (respondents < rules.minimumSize) return { shown: false, reason: "too_few_respondents" };
  return { shown: true };
}

/** A question's own figures (overall): its respondents must reach the minimum too. */
export function questionFiguresShown(questionRespondents: number, minimumSize: number): boolean {
  assertMinimum(minimumSize);
  return questionRespondents >= minimumSize;
}

/** The groups of a breakdown that may be named with their counts (see suppressSmallGroups). */
export function breakdownGroups<G extends GroupInput>(groups: readonly G[], minimumSize: number): SuppressedGroup<G>[] {
  return suppressSmallGroups(groups, minimumSize);
}

/**
 * For one question in a breakdown: the names of the groups whose figures for it may be shown,
 * judged on each group's respondents to that question, with complementary suppression. Only groups
 * already shown by the breakdown are candidates; hiding more than either rule alone never lets a
 * hidden group be recovered, because the hidden respondents then hold at least the minimum together.
 */
export function questionGroupsShown(
  groups: readonly { name: string; questionRespondents: number; groupShown: boolean }[],
  minimumSize: number,
): Set<string> {
  const decided = suppressSmallGroups(
    groups.map((group) => ({ name: group.name, respondents: group.questionRespondents })),
    minimumSize,
  );
  const shownInBreakdown = new Set(groups.filter((group) => group.groupShown).map((group) => group.name));
  return new Set(decided.flatMap((entry) => (!entry.suppressed && shownInBreakdown.has(entry.group.name) ? [entry.group.name] : [])));
}

/** Comments name a group only at twice the minimum: a sentence identifies its author more readily than a number. */
export const COMMENT_GROUP_FACTOR = 2;

/**
 * The groups whose written comments may be listed under their name. Groups below twice the minimum
 * are pooled without a name; if that pool holds some but fewer than the minimum respondents, the
 * smallest named group joins it, and so on until the pool is large enough or nothing is named.
 */
export function commentGroupsNamed(groups: readonly GroupInput[], minimumSize: number): Set<string> {
  assertMinimum(minimumSize);
  const threshold = COMMENT_GROUP_FACTOR * minimumSize;
  const present = groups.filter((group) => group.respondents > 0);
  const named = present
    .filter((group) => group.respondents >= threshold)
    .sort((a, b) => a.respondents - b.respondents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let pooled = present.filter((group) => group.respondents < threshold).reduce((total, group) => total + group.respondents, 0);
  while (pooled > 0 && pooled < minimumSize && named.length > 0) pooled += named.shift()!.respondents;
  return new Set(named.map((group) => group.name));
}

export interface ParticipationGroup {
  name: string;
  /** Staff who could answer (counted when the survey opened). */
  eligible: number;
  respondents: number;
}

/**
 * The departments a response rate may be given for. Groups fixed at open already hold at least the
 * minimum of staff, but a survey opened before they were fixed counted raw 部, and a roster smaller
 * than the minimum withholds every group: departments under the minimum of eligible staff (and a
 * complement, as in a breakdown) are pooled into the withheld group, so no rate speaks of fewer
 * people than the minimum while the others add up to the total.
 */
export function participationGroups(groups: readonly ParticipationGroup[], minimumSize: number): ParticipationGroup[] {
  const byName = new Map(groups.map((group) => [group.name, group]));
  const decided = suppressSmallGroups(
    groups.map((group) => ({ name: group.name, respondents: group.eligible })),
    minimumSize,
  );
  const shown: ParticipationGroup[] = [];
  const pooled: ParticipationGroup = { name: WITHHELD_GROUP, eligible: 0, respondents: 0 };
  for (const entry of decided) {
    const group = byName.get(entry.suppressed ? entry.name : entry.group.name)!;
    if (entry.suppressed || group.name === WITHHELD_GROUP) {
      pooled.eligible += group.eligible;
      pooled.respondents += group.respondents;
    } else {
      shown.push(group);
    }
  }
  return pooled.eligible > 0 ? [...shown, pooled] : shown;
}
