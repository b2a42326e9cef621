import { describe, expect, it } from "vitest";
import { kpiChanges, targetedKpis } from "~/domain/survey/action-evaluation";
import { groupRelation, headedUnit, mayViewUnit } from "~/domain/survey/unit-scope";

const kpis = [
  { code: "Q01", outcomeCode: "11" },
  { code: "Q08", outcomeCode: "03" },
  { code: "Q09", outcomeCode: "03" },
  { code: "Q12", outcomeCode: "04" },
  { code: "FREE", outcomeCode: null },
];

describe("targetedKpis", () => {
  it("takes KPIs targeted directly and through their outcome, once each, in question order", () => {
    expect(
      targetedKpis(
        [
          { kind: "kpi", code: "Q12" },
          { kind: "outcome", code: "03" },
          { kind: "kpi", code: "Q08" },
        ],
        kpis,
      ),
    ).toEqual(["Q08", "Q09", "Q12"]);
  });
});

describe("kpiChanges", () => {
  it("gives the change in thousandths, and none where a year has no figure", () => {
    const before = new Map<string, number | null>([
      ["Q08", 2.577],
      ["Q09", 2.4],
    ]);
    const after = new Map<string, number | null>([
      ["Q08", 2.637],
      ["Q09", null],
    ]);
    expect(kpiChanges(["Q08", "Q09", "Q12"], before, after)).toEqual([
      { code: "Q08", before: 2.577, after: 2.637, change: 0.06 },
      { code: "Q09", before: 2.4, after: null, change: null },
      { code: "Q12", before: null, after: null, change: null },
    ]);
  });
});

describe("unit scope", () => {
  it("gives 部長 their 部 and 課長 their 課; other job levels head nothing", () => {
    expect(headedUnit("総務部/人事課/研修係", "director")).toBe("総務部");
    expect(headedUnit("総務部/人事課/研修係", "section_chief")).toBe("総務部/人事課");
    expect(headedUnit("総務部", "section_chief")).toBeNull();
    expect(headedUnit("総務部/人事課/研修係", "unit_chief")).toBeNull();
  });

  it("lets a head see their unit and below, never a sibling or a unit whose name merely starts the same", () => {
    expect(mayViewUnit(["総務部/人事課"], "総務部/人事課/研修係")).toBe(true);
    expect(mayViewUnit(["総務部/人事課"], "総務部")).toBe(false);
    expect(mayViewUnit(["総務部/人事課"], "総務部/人事課長室")).toBe(false);
    expect(mayViewUnit(["総務部"], "区民生活部")).toBe(false);
  });

  it("relates results groups to a unit", () => {
    expect(groupRelation("総務部/人事課", "総務部/人事課")).toBe("inside");
    expect(groupRelation("総務部", "総務部/人事課")).toBe("containing");
    expect(groupRelation("区民生活部", "総務部/人事課")).toBe("outside");
  });
});
