/**
 * HR indicators from outside the survey (Minato's 女性管理職の割合, 年休平均取得日数 …): values and
 * targets in integer thousandths, so 2.91 % against 3 % is compared exactly.
 */
export const INDICATOR_UNITS = ["percent", "days", "hours"] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Met when the value reaches the target in the better direction; null without a target (monitoring only). */
export function indicatorAchieved(valueMilli: number, targetMilli: number | null, higherIsBetter: boolean): boolean | null {
  if (targetMilli === null) return null;
  return higherIsBetter ? valueMilli >= targetMilli : valueMilli <= targetMilli;
}

/** A value in thousandths as written by HR: 18600 → "18.6", 2910 → "2.91", 16000 → "16". */
export function formatIndicatorValue(milli: number): string {
  return (milli / 1000).toFixed(3).replace(/\.?0+$/, "");
}
