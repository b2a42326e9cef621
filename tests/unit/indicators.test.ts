import { describe, expect, it } from "vitest";
import { formatIndicatorValue, indicatorAchieved } from "~/domain/indicators";

describe("indicatorAchieved", () => {
  it.each([
    [18600, 30000, true, false],
    [30000, 30000, true, true],
    [2910, 3000, true, false],
    [17300, 16000, true, true],
    [10900, null, true, null],
    [9000, 10000, false, true],
    [11000, 10000, false, false],
  ] as const)("%i against %s (higher better: %s) → %s", (value, target, higherIsBetter, expected) => {
    expect(indicatorAchieved(value, target, higherIsBetter)).toBe(expected);
  });
});

describe("formatIndicatorValue", () => {
  it.each([
    [18600, "18.6"],
    [2910, "2.91"],
    [16000, "16"],
    [10900, "10.9"],
    [0, "0"],
  ])("%i → %s", (milli, text) => {
    expect(formatIndicatorValue(milli)).toBe(text);
  });
});
