import { type Distribution, meanInThousandths, toThousandths } from "~/domain/survey/kpi";

/** Smallest integer ≥ numerator / denominator, for non-negative integers. */
function ceilDivide(numerator: number, denominator: number): number {
  return (numerator + denominator - 1 - ((numerator + denominator - 1) % denominator)) / denominator;
}

/** 2 and 3 carry the rest; null when no split of the rest hits the sum. */
function fillMiddle(n: number, sum: number, ones: number, fours: number): Distribution | null {
  const rest = n - ones - fours;
  const threes = sum - ones - 4 * fours - 2 * rest;
  if (rest < 0 || threes < 0 || threes > rest) return null;
  return { 1: ones, 2: rest - threes, 3: threes, 4: fours };
}

/**
 * A deterministic, plausible 4-point distribution of n answers whose mean rounds half-up to
 * `mean` at 3 decimals, for demo data and for reproducing published baselines. Staff surveys
 * cluster on 2 and 3, so about a fifth of the answers go to the ends, tilted towards 4 as the
 * mean rises; near the ends of the scale only two neighbouring values are used.
 */
export function distributionForMean(mean: number, n: number): Distribution {
  const target = toThousandths(mean);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a positive integer: ${n}`);
  if (target < 1000 || target > 4000) throw new RangeError(`mean must be between 1 and 4: ${mean}`);

  // Sums whose half-up mean is the target: 1000·sum/n ∈ [target − ½, target + ½).
  const lowest = Math.max(n, ceilDivide((2 * target - 1) * n, 2000));
  const highest = Math.min(4 * n, ceilDivide((2 * target + 1) * n, 2000) - 1);
  const sum = Math.min(highest, Math.max(lowest, Math.round((target * n) / 1000)));
  if (lowest > highest || meanInThousandths(sum, n) !== target) {
    throw new RangeError(`no distribution of ${n} answers has mean ${mean}`);
  }

  const tilt = (target - 2500) / 1000;
  const shaped = fillMiddle(
    n,
    sum,
    Math.round(n * Math.max(0, 0.1 - 0.15 * tilt)),
    Math.round(n * Math.max(0, 0.1 + 0.15 * tilt)),
  );
  if (shaped) return shaped;

  if (sum <= 2 * n) return { 1: 2 * n - sum, 2: sum - n, 3: 0, 4: 0 };
  if (sum <= 3 * n) return { 1: 0, 2: 3 * n - sum, 3: sum - 2 * n, 4: 0 };
  return { 1: 0, 2: 0, 3: 4 * n - sum, 4: sum - 3 * n };
}

/** A small deterministic generator (mulberry32), so demo data and benchmarks are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The nearest mean that n answers can reach exactly (3 decimals), for targets n cannot hit. */
export function reachableMean(mean: number, n: number): number {
  const sum = Math.min(4 * n, Math.max(n, Math.round(mean * n)));
  return (meanInThousandths(sum, n) ?? 0) / 1000;
}

/**
 * n answer sheets whose per-question distributions are exactly distributionForMean(mean, n):
 * each question's answers are shuffled independently, so the sheets look like people, not sorted rows.
 */
export function syntheticAnswerSheets(
  questions: readonly { code: string; mean: number }[],
  n: number,
  random: () => number,
): Record<string, number>[] {
  const sheets: Record<string, number>[] = Array.from({ length: n }, () => ({}));
  for (const { code, mean } of questions) {
    const distribution = distributionForMean(mean, n);
    const values = ([1, 2, 3, 4] as const).flatMap((value) => Array<number>(distribution[value]).fill(value));
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    values.forEach((value, index) => {
      sheets[index]![code] = value;
    });
  }
  return sheets;
}
