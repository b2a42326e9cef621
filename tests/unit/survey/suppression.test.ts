import { describe, expect, it } from "vitest";
import { type GroupInput, suppressSmallGroups } from "~/domain/survey/suppression";

function summary(groups: GroupInput[], minimumSize?: number) {
  return suppressSmallGroups(groups, minimumSize).map((result) =>
    result.suppressed ? `${result.name}:${result.reason}` : `${result.group.name}:shown`,
  );
}

describe("suppressSmallGroups", () => {
  it("shows every group of at least the minimum", () => {
    expect(
      summary([
        { name: "総務部", respondents: 5 },
        { name: "区民部", respondents: 40 },
      ]),
    ).toEqual(["総務部:shown", "区民部:shown"]);
  });

  it("drops groups without respondents", () => {
    expect(
      summary([
        { name: "A", respondents: 0 },
        { name: "B", respondents: 6 },
        { name: "C", respondents: 7 },
      ]),
    ).toEqual(["B:shown", "C:shown"]);
  });

  it("hides the next-smallest group when one small group alone could be recovered", () => {
    expect(
      summary([
        { name: "A", respondents: 30 },
        { name: "B", respondents: 3 },
        { name: "C", respondents: 8 },
        { name: "D", respondents: 12 },
      ]),
    ).toEqual(["A:shown", "B:below_minimum", "C:complementary", "D:shown"]);
  });

  it("needs no complement when the small groups hold the minimum together", () => {
    expect(
      summary([
        { name: "A", respondents: 2 },
        { name: "B", respondents: 3 },
        { name: "C", respondents: 9 },
      ]),
    ).toEqual(["A:below_minimum", "B:below_minimum", "C:shown"]);
  });

  it("stops at one complement, since any shown group holds the minimum on its own", () => {
    expect(
      summary(
        [
          { name: "A", respondents: 1 },
          { name: "B", respondents: 3 },
          { name: "C", respondents: 3 },
          { name: "D", respondents: 40 },
        ],
        3,
      ),
    ).toEqual(["A:below_minimum", "B:complementary", "C:shown", "D:shown"]);
  });

  it("hides everything when even all groups together stay under the minimum", () => {
    expect(
      summary([
        { name: "A", respondents: 1 },
        { name: "B", respondents: 2 },
      ]),
    ).toEqual(["A:below_minimum", "B:below_minimum"]);
    expect(summary([{ name: "A", respondents: 4 }])).toEqual(["A:below_minimum"]);
  });

  it("hides a visible group if that is the only way to protect a small one", () => {
    expect(
      summary([
        { name: "A", respondents: 1 },
        { name: "B", respondents: 100 },
      ]),
    ).toEqual(["A:below_minimum", "B:complementary"]);
  });

  it("breaks ties by name, whatever the input order", () => {
    const groups = [
      { name: "Z", respondents: 9 },
      { name: "M", respondents: 9 },
      { name: "small", respondents: 2 },
    ];
    expect(summary(groups)).toEqual(["Z:shown", "M:complementary", "small:below_minimum"]);
    expect(summary([...groups].reverse())).toEqual(["small:below_minimum", "M:complementary", "Z:shown"]);
  });

  it("keeps the data of shown groups and only the name of hidden ones", () => {
    const shown = { name: "A", respondents: 9, mean: 2.5 };
    const hidden = { name: "B", respondents: 6, mean: 3.1 };
    const small = { name: "C", respondents: 1, mean: 4 };
    expect(suppressSmallGroups([shown, hidden, small])).toEqual([
      { suppressed: false, group: shown },
      { suppressed: true, name: "B", reason: "complementary" },
      { suppressed: true, name: "C", reason: "below_minimum" },
    ]);
  });

  it("uses a minimum of 5 by default", () => {
    expect(
      summary([
        { name: "A", respondents: 4 },
        { name: "B", respondents: 5 },
        { name: "C", respondents: 6 },
      ]),
    ).toEqual(["A:below_minimum", "B:complementary", "C:shown"]);
  });

  it("rejects bad input", () => {
    expect(() => suppressSmallGroups([{ name: "A", respondents: -1 }])).toThrow(RangeError);
    expect(() => suppressSmallGroups([{ name: "A", respondents: 1.5 }])).toThrow(RangeError);
    expect(() => suppressSmallGroups([], 0)).toThrow(RangeError);
    expect(() =>
      suppressSmallGroups([
        { name: "A", respondents: 6 },
        { name: "A", respondents: 7 },
      ]),
    ).toThrow(/twice/);
  });
});
