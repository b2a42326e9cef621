/**
 * k-anonymity for row-level exports by greedy local suppression: every combination of group
 * columns that a released row shows is shared by at least k released rows, so a row cannot be
 * narrowed to fewer than k people by its groups. Works on the histogram of combinations (a few
 * hundred entries), not on the rows, so a survey of any size costs the same; every row of one
 * stored combination is released the same way.
 */

/** One stored combination of group values (null: not known or already withheld) and its row count. */
export interface CombinationCount {
  values: readonly (string | null)[];
  count: number;
}

export type Combination = readonly (string | null)[];

/** A stable key for a combination; null and "" are different values. */
export function combinationKey(values: Combination): string {
  return values.map((value) => (value === null ? "\u0001" : `\u0002${value}`)).join("\u0000");
}

function histogram(released: readonly Combination[], counts: readonly number[]): Map<string, number> {
  const sizes = new Map<string, number>();
  released.forEach((values, index) => {
    const key = combinationKey(values);
    sizes.set(key, (sizes.get(key) ?? 0) + counts[index]!);
  });
  return sizes;
}

/** Rows that sit in a released combination shared by fewer than k rows. */
function rowsAtRisk(released: readonly Combination[], counts: readonly number[], k: number): number {
  let rows = 0;
  for (const size of histogram(released, counts).values()) if (size < k) rows += size;
  return rows;
}

/**
 * What each stored combination is released as: the map from combinationKey(stored values) to the
 * values to write, with some blanked (null). Repeatedly, for the rows in combinations shared by
 * fewer than k rows, the dimension whose blanking leaves the fewest rows at risk is blanked (ties:
 * the later column, so callers list the columns most worth keeping first). When only the all-blank
 * combination is still too small, the smallest other combination is blanked entirely to join it.
 * With fewer than k rows in all, everything is blanked (callers withhold such data anyway).
 */
export function kAnonymousCombinations(combinations: readonly CombinationCount[], k: number): Map<string, (string | null)[]> {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`k must be a positive integer: ${k}`);
  const width = combinations[0]?.values.length ?? 0;
  for (const combination of combinations) {
    if (combination.values.length !== width) throw new Error("every combination needs the same columns");
    if (!Number.isSafeInteger(combination.count) || combination.count < 0) throw new RangeError(`bad row count: ${combination.count}`);
  }
  const counts = combinations.map((combination) => combination.count);
  const released: (string | null)[][] = combinations.map((combination) => [...combination.values]);
  const blank = (): (string | null)[] => Array.from({ length: width }, () => null);
  const allBlankKey = combinationKey(blank());

  for (;;) {
    const sizes = histogram(released, counts);
    const small = new Set(released.flatMap((values, index) => ((sizes.get(combinationKey(values)) ?? 0) < k && counts[index]! > 0 ? [index] : [])));
    if (small.size === 0) break;

    const candidates = Array.from({ length: width }, (_, column) => column).filter((column) =>
      [...small].some((index) => released[index]![column] !== null),
    );
    if (candidates.length === 0) {
      // Only the all-blank combination is too small: blank the smallest other one entirely.
      let smallest: string | null = null;
      for (const [key, size] of sizes) {
        if (key !== allBlankKey && (smallest === null || size < sizes.get(smallest)! || (size === sizes.get(smallest)! && key < smallest))) {
          smallest = key;
        }
      }
      if (smallest === null) break;
      released.forEach((values, index) => {
        if (combinationKey(values) === smallest) released[index] = blank();
      });
      continue;
    }

    let best = candidates[candidates.length - 1]!;
    let bestRisk = Number.POSITIVE_INFINITY;
    for (const column of [...candidates].reverse()) {
      const trial = released.map((values, index) => (small.has(index) ? values.map((value, c) => (c === column ? null : value)) : values));
      const risk = rowsAtRisk(trial, counts, k);
      if (risk < bestRisk) {
        best = column;
        bestRisk = risk;
      }
    }
    for (const index of small) released[index]![best] = null;
  }

  return new Map(combinations.map((combination, index) => [combinationKey(combination.values), released[index]!]));
}
