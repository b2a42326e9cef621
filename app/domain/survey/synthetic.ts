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
