import { describe, expect, it } from "vitest";
import { type CombinationCount, combinationKey, kAnonymousCombinations } from "~/domain/survey/export-anonymity";
import { seededRandom } from "~/domain/survey/synthetic";

/** The released rows' combinations and how many rows share each. */
function releasedSizes(input: readonly CombinationCount[], k: number): Map<string, number> {
  const release = kAnonymousCombinations(input, k);
  const sizes = new Map<string, number>();
  for (const combination of input) {
    const key = combinationKey(release.get(combinationKey(combination.values))!);
    sizes.set(key, (sizes.get(key) ?? 0) + combination.count);
  }
  return sizes;
}

describe("kAnonymousCombinations", () => {
  it("leaves combinations already shared by k rows as they are", () => {
    const input = [
      { values: ["総務部", "主事", "30歳～39歳", "常勤"], count: 5 },
      { values: ["福祉部", "主任", "40歳～49歳", "常勤"], count: 7 },
    ];
    const release = kAnonymousCombinations(input, 5);
    for (const combination of input) expect(release.get(combinationKey(combination.values))).toEqual(combination.values);
  });

  it("blanks, in the rows at risk only, the dimension that lets them share a combination", () => {
    // One 係長 in each 部: blanking the 部 gives the two of them one combination; the 主事 rows stay whole.
    const input = [
      { values: ["総務部", "主事", "常勤"], count: 5 },
      { values: ["総務部", "係長", "常勤"], count: 1 },
      { values: ["福祉部", "主事", "常勤"], count: 5 },
      { values: ["福祉部", "係長", "常勤"], count: 1 },
    ];
    const release = kAnonymousCombinations(input, 2);
    expect(release.get(combinationKey(["総務部", "係長", "常勤"]))).toEqual([null, "係長", "常勤"]);
    expect(release.get(combinationKey(["福祉部", "係長", "常勤"]))).toEqual([null, "係長", "常勤"]);
    expect(release.get(combinationKey(["総務部", "主事", "常勤"]))).toEqual(["総務部", "主事", "常勤"]);
  });

  it("blanks the later column when blanking either would do as well", () => {
    // Blanking 年代 joins the two 30代/40代 rows of 総務部; blanking 部 would leave both alone.
    const input = [
      { values: ["総務部", "30代"], count: 1 },
      { values: ["総務部", "40代"], count: 1 },
      { values: ["福祉部", "50代"], count: 4 },
    ];
    expect(kAnonymousCombinations(input, 2).get(combinationKey(["総務部", "30代"]))).toEqual(["総務部", null]);
  });

  it("blanks a whole small combination into the all-blank one when nothing else is left", () => {
    const input = [
      { values: [null, null], count: 1 },
      { values: ["A", "x"], count: 5 },
      { values: ["B", "y"], count: 3 },
    ];
    const sizes = releasedSizes(input, 3);
    for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(3);
    expect(sizes.get(combinationKey(["A", "x"]))).toBe(5);
  });

  it("gives every released combination at least k rows, on a roster where most are unique", () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const departments = ["総務部", "企画部", "区民部", "福祉部", "子ども部", "都市部"];
    const levels = ["主事", "主任", "係長", "課長補佐", "課長", "部長"];
    const ages = ["29歳以下", "30歳～39歳", "40歳～49歳", "50歳～59歳", "60歳以上"];
    const types = ["常勤", "再任用", "会計年度任用"];
    const counts = new Map<string, CombinationCount>();
    for (let person = 0; person < 200; person++) {
      const values = [pick(departments), pick(levels), pick(ages), pick(types)];
      const key = combinationKey(values);
      const entry = counts.get(key) ?? { values, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    const input = [...counts.values()];
    expect(input.filter((c) => c.count === 1).length).toBeGreaterThan(50);
    for (const k of [2, 5, 10]) {
      const sizes = releasedSizes(input, k);
      expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(200);
      for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(k);
    }
  });

  it("blanks everything when there are fewer than k rows in all", () => {
    const release = kAnonymousCombinations([{ values: ["A"], count: 2 }], 5);
    expect(release.get(combinationKey(["A"]))).toEqual([null]);
  });

  it("tells null from an empty name, and refuses a bad k", () => {
    expect(combinationKey([null])).not.toBe(combinationKey([""]));
    expect(() => kAnonymousCombinations([], 0)).toThrow(RangeError);
    expect(kAnonymousCombinations([], 5).size).toBe(0);
  });
});
