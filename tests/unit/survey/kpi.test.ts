import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import {
  defaultTarget,
  type Distribution,
  kpiResult,
  meanInThousandths,
  questionStats,
  toThousandths,
} from "~/domain/survey/kpi";
import { distributionForMean } from "~/domain/survey/synthetic";

const empty: Distribution = { 1: 0, 2: 0, 3: 0, 4: 0 };

describe("meanInThousandths", () => {
  it("reproduces the published Q01 figure", () => {
    expect(meanInThousandths(4474, 1736)).toBe(2577);
  });

  it("rounds exactly half up", () => {
    // 1.0005 and 2.5755 are exact halves that float toFixed rounds down.
    expect(meanInThousandths(2001, 2000)).toBe(1001);
    expect((2001 / 2000).toFixed(3)).toBe("1.000");
    expect(meanInThousandths(5151, 2000)).toBe(2576);
    expect((5151 / 2000).toFixed(3)).toBe("2.575");
    expect(meanInThousandths(5001, 2000)).toBe(2501);
    expect(meanInThousandths(40029, 20000)).toBe(2001);
    expect(meanInThousandths(10, 4)).toBe(2500);
    expect(meanInThousandths(7, 3)).toBe(2333);
    expect(meanInThousandths(8, 3)).toBe(2667);
  });

  it("has no mean without answers", () => {
    expect(meanInThousandths(0, 0)).toBeNull();
  });

  it("rejects non-integers and negatives", () => {
    expect(() => meanInThousandths(2.5, 1)).toThrow(RangeError);
    expect(() => meanInThousandths(-1, 1)).toThrow(RangeError);
  });
});

describe("toThousandths", () => {
  it("accepts up to 3 decimals only", () => {
    expect(toThousandths(2.577)).toBe(2577);
    expect(toThousandths(2.29)).toBe(2290);
    expect(() => toThousandths(2.5775)).toThrow(RangeError);
    expect(() => toThousandths(Number.NaN)).toThrow(RangeError);
  });
});

describe("questionStats", () => {
  it("computes n, mean and favourable share", () => {
    expect(questionStats({ 1: 1, 2: 2, 3: 3, 4: 1 })).toEqual({
      n: 7,
      distribution: { 1: 1, 2: 2, 3: 3, 4: 1 },
      mean: 2.571, // 18 / 7 = 2.5714…
      favourableShare: 0.571, // 4 / 7
    });
  });

  it("rounds the favourable share half up", () => {
    // 1 / 8 = 0.125 exactly; 1 / 16 = 0.0625 → 0.063
    expect(questionStats({ 1: 15, 2: 0, 3: 1, 4: 0 }).favourableShare).toBe(0.063);
  });

  it("returns nulls for an empty distribution", () => {
    expect(questionStats(empty)).toEqual({ n: 0, distribution: empty, mean: null, favourableShare: null });
  });

  it("rejects negative or fractional counts", () => {
    expect(() => questionStats({ ...empty, 2: -1 })).toThrow(RangeError);
    expect(() => questionStats({ ...empty, 3: 1.5 })).toThrow(RangeError);
  });
});

describe("defaultTarget", () => {
  it("is 3.000, or 2.500 below a 2.500 baseline", () => {
    expect(defaultTarget(2.577)).toBe(3);
    expect(defaultTarget(2.5)).toBe(3);
    expect(defaultTarget(2.499)).toBe(2.5);
    expect(defaultTarget(2.024)).toBe(2.5);
    expect(defaultTarget(null)).toBe(3);
  });
});

describe("kpiResult", () => {
  const baseline = { value: 2.577, fiscalYear: 2023 };

  it("compares with the baseline and the default target", () => {
    const result = kpiResult({ distribution: { 1: 0, 2: 1, 3: 2, 4: 1 }, baseline });
    expect(result.mean).toBe(3);
    expect(result.target).toBe(3);
    expect(result.targetIsOverride).toBe(false);
    expect(result.changeFromBaseline).toBe(0.423);
    expect(result.achieved).toBe(true);
    expect(result.baseline).toEqual(baseline);
  });

  it("judges achievement on the mean rounded to 3 decimals", () => {
    // 5999 / 2000 = 2.9995 → 3.000: achieved although the raw mean is below 3.
    const result = kpiResult({ distribution: { 1: 0, 2: 1, 3: 1999, 4: 0 }, baseline: null });
    expect(result.mean).toBe(3);
    expect(result.achieved).toBe(true);
    // 5997 / 2000 = 2.9985 → 2.999: not achieved.
    expect(kpiResult({ distribution: { 1: 0, 2: 3, 3: 1997, 4: 0 }, baseline: null }).achieved).toBe(false);
  });

  it("reports a fall from the baseline exactly", () => {
    const result = kpiResult({ distribution: { 1: 0, 2: 1, 3: 0, 4: 0 }, baseline });
    expect(result.changeFromBaseline).toBe(-0.577);
    expect(result.achieved).toBe(false);
  });

  it("lets HR override the target", () => {
    const result = kpiResult({ distribution: { 1: 0, 2: 1, 3: 1, 4: 0 }, baseline, targetOverride: 2.5 });
    expect(result.target).toBe(2.5);
    expect(result.targetIsOverride).toBe(true);
    expect(result.achieved).toBe(true);
    expect(() => kpiResult({ distribution: empty, baseline, targetOverride: 4.5 })).toThrow(RangeError);
  });

  it("uses the low-baseline target", () => {
    const result = kpiResult({ distribution: { 1: 0, 2: 1, 3: 1, 4: 0 }, baseline: { value: 2.29, fiscalYear: 2023 } });
    expect(result.target).toBe(2.5);
    expect(result.achieved).toBe(true);
  });

  it("has no verdict without answers", () => {
    const result = kpiResult({ distribution: empty, baseline });
    expect(result.mean).toBeNull();
    expect(result.changeFromBaseline).toBeNull();
    expect(result.achieved).toBeNull();
  });

  it("has no change without a baseline", () => {
    expect(kpiResult({ distribution: { 1: 1, 2: 0, 3: 0, 4: 0 }, baseline: null }).changeFromBaseline).toBeNull();
  });

  it("gives a rating question that is not a KPI no target and no verdict", () => {
    const result = kpiResult({ distribution: { 1: 2, 2: 0, 3: 0, 4: 0 }, baseline: null, isKpi: false });
    expect(result.mean).toBe(1);
    expect(result.target).toBeNull();
    expect(result.targetIsOverride).toBe(false);
    expect(result.achieved).toBeNull();
  });
});

describe("the published FY2023 baselines", () => {
  it.each(
    shinagawaFy2023.questions.map((question) => [question.code, question.baseline.value, question.target] as const),
  )("%s: %d from 1736 respondents, target %d", (_code, baselineValue, target) => {
    const distribution = distributionForMean(baselineValue, 1736);
    const result = kpiResult({ distribution, baseline: { value: baselineValue, fiscalYear: 2023 } });
    expect(result.n).toBe(1736);
    expect(result.mean).toBe(baselineValue);
    expect(result.changeFromBaseline).toBe(0);
    expect(result.target).toBe(target);
    expect(result.achieved).toBe(false);
  });
});
