import { describe, expect, it } from "vitest";
import {
  breakdownGroups,
  commentGroupsNamed,
  participationGroups,
  questionFiguresShown,
  questionGroupsShown,
  surveyFigures,
} from "~/domain/survey/disclosure";

describe("surveyFigures: whether a survey's answer figures may be shown at all", () => {
  it("withholds every figure while the survey is open, however many answered", () => {
    expect(surveyFigures({ status: "open", minimumSize: 5 }, 4)).toEqual({ shown: false, reason: "survey_open" });
    expect(surveyFigures({ status: "open", minimumSize: 5 }, 5000)).toEqual({ shown: false, reason: "survey_open" });
  });

  it("shows a closed survey's figures from the minimum on, and not one respondent before", () => {
    expect(surveyFigures({ status: "closed", minimumSize: 5 }, 4)).toEqual({ shown: false, reason: "too_few_respondents" });
    expect(surveyFigures({ status: "closed", minimumSize: 5 }, 5)).toEqual({ shown: true });
  });

  it("judges a survey that never opened (imported past answers) on its respondents only", () => {
    expect(surveyFigures({ status: "draft", minimumSize: 5 }, 1736)).toEqual({ shown: true });
    expect(surveyFigures({ status: "draft", minimumSize: 10 }, 9)).toEqual({ shown: false, reason: "too_few_respondents" });
    expect(surveyFigures({ status: "draft", minimumSize: 1 }, 0)).toEqual({ shown: false, reason: "too_few_respondents" });
  });

  it("refuses a minimum that is not a positive integer", () => {
    expect(() => surveyFigures({ status: "closed", minimumSize: 0 }, 10)).toThrow(RangeError);
    expect(() => surveyFigures({ status: "closed", minimumSize: 2.5 }, 10)).toThrow(RangeError);
  });
});

describe("questionFiguresShown: the per-question minimum", () => {
  it("needs the question's own respondents to reach the minimum", () => {
    expect(questionFiguresShown(1, 5)).toBe(false);
    expect(questionFiguresShown(4, 5)).toBe(false);
    expect(questionFiguresShown(5, 5)).toBe(true);
    expect(questionFiguresShown(0, 1)).toBe(false);
  });
});

describe("breakdownGroups: per-group minimum with complementary suppression", () => {
  it("hides small groups and, when they hold fewer than the minimum together, the smallest shown one", () => {
    const decided = breakdownGroups(
      [
        { name: "総務部", respondents: 3 },
        { name: "企画部", respondents: 5 },
        { name: "区民部", respondents: 6 },
        { name: "福祉部", respondents: 8 },
      ],
      5,
    );
    expect(decided.map((entry) => (entry.suppressed ? `${entry.name}:${entry.reason}` : entry.group.name))).toEqual([
      "総務部:below_minimum",
      "企画部:complementary",
      "区民部",
      "福祉部",
    ]);
  });

  it("keeps no count of a hidden group", () => {
    const [hidden] = breakdownGroups([{ name: "A", respondents: 1 }, { name: "B", respondents: 9 }, { name: "C", respondents: 9 }], 5);
    expect(hidden).toEqual({ suppressed: true, name: "A", reason: "below_minimum" });
  });
});

describe("questionGroupsShown: group × question cells", () => {
  const cells = (entries: [string, number, boolean][]) =>
    entries.map(([name, questionRespondents, groupShown]) => ({ name, questionRespondents, groupShown }));

  it("hides a group whose respondents to this question are too few, with its complement", () => {
    // A question only fiscal-year appointed staff answer: 2 in 区民部, 6 in 福祉部, 7 in 総務部.
    const shown = questionGroupsShown(cells([["総務部", 7, true], ["区民部", 2, true], ["福祉部", 6, true]]), 5);
    expect(shown).toEqual(new Set(["総務部"]));
  });

  it("never shows a cell of a group the breakdown hides, even with enough answers to the question", () => {
    const shown = questionGroupsShown(cells([["A", 6, false], ["B", 9, true], ["C", 9, true]]), 5);
    expect(shown).toEqual(new Set(["B", "C"]));
  });

  it("hides nothing when every group answered the question in numbers", () => {
    expect(questionGroupsShown(cells([["A", 5, true], ["B", 5, true]]), 5)).toEqual(new Set(["A", "B"]));
  });

  it("leaves no single hidden cell recoverable from the question's total", () => {
    // Whatever the sizes, the hidden cells hold none or at least the minimum together.
    for (let a = 0; a <= 12; a++) {
      for (let b = 0; b <= 12; b++) {
        for (let c = 0; c <= 12; c++) {
          const sizes: [string, number][] = [["A", a], ["B", b], ["C", c]];
          const shown = questionGroupsShown(cells(sizes.map(([n, s]) => [n, s, true])), 5);
          const hidden = sizes.filter(([name, size]) => size > 0 && !shown.has(name)).reduce((total, [, size]) => total + size, 0);
          // (With nothing shown there is nothing to subtract from: the whole question is then judged on its total.)
          expect(hidden === 0 || hidden >= 5 || shown.size === 0).toBe(true);
          for (const [name, size] of sizes) if (shown.has(name)) expect(size).toBeGreaterThanOrEqual(5);
        }
      }
    }
  });
});

describe("commentGroupsNamed: comments at twice the minimum", () => {
  it("names only groups of at least twice the minimum", () => {
    const named = commentGroupsNamed(
      [
        { name: "福祉部", respondents: 10 },
        { name: "区民部", respondents: 9 },
        { name: "総務部", respondents: 5 },
      ],
      5,
    );
    expect(named).toEqual(new Set(["福祉部"]));
  });

  it("pools the smallest named group too when the unnamed pool would hold fewer than the minimum", () => {
    const groups = [
      { name: "A", respondents: 10 },
      { name: "B", respondents: 12 },
      { name: "C", respondents: 2 },
    ];
    expect(commentGroupsNamed(groups, 5)).toEqual(new Set(["B"]));
    expect(commentGroupsNamed([...groups, { name: "D", respondents: 3 }], 5)).toEqual(new Set(["A", "B"]));
  });

  it("names every large group when nothing is left to pool", () => {
    expect(commentGroupsNamed([{ name: "A", respondents: 10 }, { name: "B", respondents: 0 }], 5)).toEqual(new Set(["A"]));
  });
});

describe("participationGroups: response rates by department", () => {
  const dept = (name: string, eligible: number, respondents: number) => ({ name, eligible, respondents });

  it("names every department of at least the minimum, in the order given", () => {
    expect(participationGroups([dept("区民部", 12, 3), dept("福祉部", 5, 0)], 5)).toEqual([dept("区民部", 12, 3), dept("福祉部", 5, 0)]);
  });

  it("pools a department under the minimum, with a complement, into the withheld group", () => {
    // 2 eligible staff alone would say whether both answered; with the smallest other department the pool holds 8.
    expect(participationGroups([dept("区民部", 12, 3), dept("福祉部", 6, 6), dept("教育部", 2, 2)], 5)).toEqual([dept("区民部", 12, 3), dept("非公表", 8, 8)]);
  });

  it("adds small departments to a withheld group fixed at open", () => {
    expect(participationGroups([dept("区民部", 12, 3), dept("非公表", 7, 1), dept("教育部", 3, 1)], 5)).toEqual([dept("区民部", 12, 3), dept("非公表", 10, 2)]);
  });

  it("keeps the totals: the rows add up to everyone eligible and everyone who answered", () => {
    const groups = [dept("A", 4, 1), dept("B", 9, 4), dept("C", 30, 11), dept("D", 1, 1)];
    const rows = participationGroups(groups, 5);
    expect(rows.reduce((sum, row) => sum + row.eligible, 0)).toBe(44);
    expect(rows.reduce((sum, row) => sum + row.respondents, 0)).toBe(17);
    expect(rows.every((row) => row.eligible >= 5)).toBe(true);
  });
});
