/**
 * KPI maths for 4-point rating questions. Values are carried as integer thousandths so that the
 * published 3-decimal figures (2.577) are reproduced exactly: binary floats cannot hold 2.5775,
 * so rounding a float mean with toFixed would sometimes round the wrong way.
 */
export type RatingValue = 1 | 2 | 3 | 4;

/** Number of answers per scale value. */
export type Distribution = Readonly<Record<RatingValue, number>>;

export interface Baseline {
  value: number;
  fiscalYear: number;
}

export interface QuestionStats {
  n: number;
  distribution: Distribution;
  /** sum / n rounded half-up to 3 decimals; null without answers. */
  mean: number | null;
  /** Share answering 4 or 3, rounded half-up to 3 decimals (0.1 %); null without answers. */
  favourableShare: number | null;
}

export interface KpiResult extends QuestionStats {
  baseline: Baseline | null;
  /** Null for a rating question that is not a KPI: it has no target to meet. */
  target: number | null;
  /** True when HR set the target instead of the default rule. */
  targetIsOverride: boolean;
  /** mean − baseline, both at 3 decimals; null when either is missing. */
  changeFromBaseline: number | null;
  /** mean (3 decimals) ≥ target; null without answers or without a target. */
  achieved: boolean | null;
}

const TARGET = 3000;
const LOW_BASELINE_TARGET = 2500;

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer: ${value}`);
  }
}

/** numerator / denominator rounded half-up, in integers only (both non-negative, denominator > 0). */
function divideRoundingHalfUp(numerator: number, denominator: number): number {
  const doubled = 2 * numerator + denominator;
  const twiceDenominator = 2 * denominator;
  return (doubled - (doubled % twiceDenominator)) / twiceDenominator;
}

/** The mean sum/n in thousandths, rounded half-up: (4474, 1736) → 2577. Null when n is 0. */
export function meanInThousandths(sum: number, n: number): number | null {
  assertCount(sum, "sum");
  assertCount(n, "n");
  if (n === 0) return null;
  return divideRoundingHalfUp(sum * 1000, n);
}

/** A 3-decimal value as integer thousandths; rejects values with more decimals. */
export function toThousandths(value: number): number {
  const thousandths = Math.round(value * 1000);
  if (!Number.isFinite(value) || Math.abs(value * 1000 - thousandths) > 1e-6) {
    throw new RangeError(`not a value with at most 3 decimals: ${value}`);
  }
  return thousandths;
}

function assertScore(value: number, name: string): number {
  const thousandths = toThousandths(value);
  if (thousandths < 1000 || thousandths > 4000) throw new RangeError(`${name} must be between 1 and 4: ${value}`);
  return thousandths;
}

export function questionStats(distribution: Distribution): QuestionStats {
  const values = [1, 2, 3, 4] as const;
  for (const value of values) assertCount(distribution[value], `count of ${value}`);
  const n = values.reduce((total, value) => total + distribution[value], 0);
  const sum = values.reduce((total, value) => total + value * distribution[value], 0);
  const mean = meanInThousandths(sum, n);
  return {
    n,
    distribution: { ...distribution },
    mean: mean === null ? null : mean / 1000,
    favourableShare: n === 0 ? null : divideRoundingHalfUp((distribution[4] + distribution[3]) * 1000, n) / 1000,
  };
}

/** The city's rule: 3.000 ("somewhat agree" on average), or 2.500 where the baseline is below 2.500. */
export function defaultTarget(baseline: number | null): number {
  if (baseline === null) return TARGET / 1000;
  return (assertScore(baseline, "baseline") < LOW_BASELINE_TARGET ? LOW_BASELINE_TARGET : TARGET) / 1000;
}

export function kpiResult(input: {
  distribution: Distribution;
  baseline: Baseline | null;
  /** HR's own target; null or absent applies the default rule. */
  targetOverride?: number | null;
  /** False for a rating question that is not a KPI: no target, so nothing is achieved or missed. */
  isKpi?: boolean;
}): KpiResult {
  const stats = questionStats(input.distribution);
  const override = input.targetOverride ?? null;
  const target = input.isKpi === false ? null : override === null ? defaultTarget(input.baseline?.value ?? null) : override;
  const targetThousandths = target === null ? null : assertScore(target, "target");
  const meanThousandths = stats.mean === null ? null : toThousandths(stats.mean);
  const baselineThousandths = input.baseline === null ? null : assertScore(input.baseline.value, "baseline");
  return {
    ...stats,
    baseline: input.baseline === null ? null : { ...input.baseline },
    target,
    targetIsOverride: target !== null && override !== null,
    changeFromBaseline:
      meanThousandths === null || baselineThousandths === null ? null : (meanThousandths - baselineThousandths) / 1000,
    achieved: meanThousandths === null || targetThousandths === null ? null : meanThousandths >= targetThousandths,
  };
}
