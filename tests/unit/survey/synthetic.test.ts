import { describe, expect, it } from "vitest";
import { meanInThousandths, type Distribution } from "~/domain/survey/kpi";
import { distributionForMean } from "~/domain/survey/synthetic";

function sumOf(distribution: Distribution): number {
  return distribution[1] + 2 * distribution[2] + 3 * distribution[3] + 4 * distribution[4];
}

function nOf(distribution: Distribution): number {
  return distribution[1] + distribution[2] + distribution[3] + distribution[4];
}

describe("distributionForMean", () => {
  it("matches the published Q01 sum", () => {
    const distribution = distributionForMean(2.577, 1736);
    expect(sumOf(distribution)).toBe(4474);
    expect(distribution).toEqual({ 1: 154, 2: 620, 3: 768, 4: 194 });
  });

  it("puts most answers on 2 and 3", () => {
    for (const mean of [2.024, 2.29, 2.5, 2.972]) {
      const distribution = distributionForMean(mean, 1736);
      expect(distribution[2] + distribution[3]).toBeGreaterThan(0.7 * 1736);
    }
  });

  it("hits every 3-decimal mean for a large n", () => {
    for (let thousandths = 1000; thousandths <= 4000; thousandths += 7) {
      const distribution = distributionForMean(thousandths / 1000, 1736);
      expect(nOf(distribution)).toBe(1736);
      expect(Object.values(distribution).every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
      expect(meanInThousandths(sumOf(distribution), 1736)).toBe(thousandths);
    }
  });

  it("covers the ends of the scale", () => {
    expect(distributionForMean(1, 10)).toEqual({ 1: 10, 2: 0, 3: 0, 4: 0 });
    expect(distributionForMean(4, 10)).toEqual({ 1: 0, 2: 0, 3: 0, 4: 10 });
    expect(distributionForMean(3.9, 10)).toEqual({ 1: 0, 2: 0, 3: 1, 4: 9 });
  });

  it("is deterministic", () => {
    expect(distributionForMean(2.691, 1000)).toEqual(distributionForMean(2.691, 1000));
  });

  it("refuses means a small n cannot produce", () => {
    expect(() => distributionForMean(2.577, 10)).toThrow(RangeError);
    expect(() => distributionForMean(2.691, 500)).toThrow(RangeError);
    expect(distributionForMean(2.5, 10)).toSatisfy((distribution: Distribution) => sumOf(distribution) === 25);
  });

  it("refuses impossible input", () => {
    expect(() => distributionForMean(0.9, 10)).toThrow(RangeError);
    expect(() => distributionForMean(4.001, 1000)).toThrow(RangeError);
    expect(() => distributionForMean(2.5, 0)).toThrow(RangeError);
    expect(() => distributionForMean(2.5555, 100)).toThrow(RangeError);
  });
});
