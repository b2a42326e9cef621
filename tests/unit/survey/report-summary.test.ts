import { describe, expect, it } from "vitest";
import { reportSummary } from "~/domain/survey/report-summary";

describe("reportSummary", () => {
  it("counts met KPIs, lists the furthest below target and the biggest rises, leaving out unanswered ones", () => {
    const summary = reportSummary([
      { code: "Q01", mean: 2.577, target: 3, achieved: false, changeFromBaseline: 0 },
      { code: "Q02", mean: 3.1, target: 3, achieved: true, changeFromBaseline: 0.2 },
      { code: "Q03", mean: 2.4, target: 2.5, achieved: false, changeFromBaseline: 0.05 },
      { code: "Q04", mean: 2.2, target: 3, achieved: false, changeFromBaseline: -0.1 },
      { code: "Q05", mean: 2.9, target: 3, achieved: false, changeFromBaseline: null },
      { code: "Q06", mean: 2.0, target: 3, achieved: false, changeFromBaseline: 0.3 },
      { code: "Q07", mean: null, target: 3, achieved: null, changeFromBaseline: null },
    ]);
    expect(summary.measured).toBe(6);
    expect(summary.met).toBe(1);
    expect(summary.furthestBelow).toEqual([
      { code: "Q06", gap: 1 },
      { code: "Q04", gap: 0.8 },
      { code: "Q01", gap: 0.423 },
    ]);
    expect(summary.mostImproved).toEqual([
      { code: "Q06", change: 0.3 },
      { code: "Q02", change: 0.2 },
      { code: "Q03", change: 0.05 },
    ]);
  });
});
