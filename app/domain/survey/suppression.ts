/** The dimensions HR may break results down by. */
export const BREAKDOWN_DIMENSIONS = ["department", "job_level", "age_band", "employment_type"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export const DEFAULT_MINIMUM_GROUP_SIZE = 5;

export interface GroupInput {
  name: string;
  respondents: number;
}

export type SuppressionReason =
  /** Fewer respondents than the minimum. */
  | "below_minimum"
  /** Large enough on its own, hidden so the small groups cannot be recovered from the total. */
  | "complementary";

/**
 * A suppressed group keeps only its name, so no count or score of it can reach a page or an
 * export by accident.
 */
export type SuppressedGroup<G extends GroupInput> =
  | { suppressed: false; group: G }
  | { suppressed: true; name: string; reason: SuppressionReason };

/**
 * Small-group suppression for one breakdown, in the order given. Groups with no respondents are
 * dropped (an empty group reveals nobody). Groups under the minimum are hidden; if the hidden ones
 * hold fewer than the minimum together, the smallest visible group is hidden too, because the
 * total minus the visible groups would otherwise give the small groups away. Once the hidden
 * groups hold at least the minimum together, what subtraction reveals is an aggregate of that
 * many people, which is allowed (even when only one group stays visible). A breakdown whose
 * total is under the minimum is hidden entirely. Ties go to the smaller name (code-point order),
 * so the result does not depend on the input order or the locale.
 */
export function suppressSmallGroups<G extends GroupInput>(
  groups: readonly G[],
  minimumSize: number = DEFAULT_MINIMUM_GROUP_SIZE,
): SuppressedGroup<G>[] {
  if (!Number.isSafeInteger(minimumSize) || minimumSize < 1) {
    throw new RangeError(`minimum group size must be a positive integer: ${minimumSize}`);
  }
  const names = new Set<string>();
  for (const group of groups) {
    if (!Number.isSafeInteger(group.respondents) || group.respondents < 0) {
      throw new RangeError(`respondents must be a non-negative integer: ${group.name}`);
    }
    if (names.has(group.name)) throw new Error(`group ${group.name} appears twice in one breakdown`);
    names.add(group.name);
  }

  const present = groups.filter((group) => group.respondents > 0);
  const reasons = new Map<G, SuppressionReason>();
  let hiddenTotal = 0;
  for (const group of present) {
    if (group.respondents < minimumSize) {
      reasons.set(group, "below_minimum");
      hiddenTotal += group.respondents;
    }
  }

  if (reasons.size > 0 && hiddenTotal < minimumSize) {
    // One complement always suffices: every shown group holds the minimum on its own.
    const [smallestShown] = present
      .filter((group) => !reasons.has(group))
      .sort((a, b) => a.respondents - b.respondents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (smallestShown) reasons.set(smallestShown, "complementary");
  }

  return present.map((group) => {
    const reason = reasons.get(group);
    return reason === undefined ? { suppressed: false, group } : { suppressed: true, name: group.name, reason };
  });
}
