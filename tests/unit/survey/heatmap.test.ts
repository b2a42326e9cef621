import { describe, expect, it } from "vitest";
import { buildHeatmap, heatBand, heatColour } from "~/domain/survey/heatmap";

describe("heatBand", () => {
  it.each([
    [null, null],
    [0, 0],
    [0.049, 0],
    [-0.049, 0],
    [0.05, 1],
    [-0.05, -1],
    [0.149, 1],
    [0.15, 2],
    [-0.299, -2],
    [0.3, 3],
    [-1.5, -3],
  ] as const)("%s → %s", (difference, band) => {
    expect(heatBand(difference)).toBe(band);
  });

});

describe("heatColour", () => {
  it("diverges: above and below the reference never share a colour, and further is darker text-safe", () => {
    const above = heatColour(0.2);
    const below = heatColour(-0.2);
    expect(above?.background).not.toBe(below?.background);
    expect(heatColour(0.01)?.background).toBe(heatColour(-0.01)?.background);
    expect(heatColour(0.5)?.foreground).toBe("#ffffff");
    expect(heatColour(0.1)?.foreground).toBe("#1a1a1a");
  });

  it("gives no colour to a cell without a figure", () => {
    expect(heatColour(null)).toBeNull();
  });
});

describe("buildHeatmap", () => {
  const overall = [
    { code: "Q01", mean: 2.8, target: 3, withheld: false },
    { code: "Q02", mean: 2.4, target: 2.5, withheld: false },
    { code: "Q16", mean: 3.2, target: null, withheld: false },
  ];
  const groups = [
    {
      group: "総務部",
      suppressed: false as const,
      respondents: 20,
      questions: [
        { code: "Q01", mean: 3.1, target: 3, withheld: false },
        // The gate withheld it (too few of the group answered it): the heatmap only marks that.
        { code: "Q02", mean: null, target: 2.5, withheld: true },
        { code: "Q16", mean: 3.0, target: null, withheld: false },
      ],
    },
    { group: "区民部", suppressed: true as const },
  ];

  it("compares each cell with the ward overall", () => {
    const map = buildHeatmap({ overall, groups, reference: "overall" });
    expect(map.questions).toEqual([
      { code: "Q01", reference: 2.8 },
      { code: "Q02", reference: 2.4 },
      { code: "Q16", reference: 3.2 },
    ]);
    expect(map.rows[0]?.cells[0]).toMatchObject({ hidden: false, mean: 3.1, difference: 0.3, colour: { band: 3 } });
  });

  it("judges a band edge exactly: 2.650 against 2.600 is 0.050, not the float 0.0499…", () => {
    expect(2.65 - 2.6).toBeLessThan(0.05);
    const map = buildHeatmap({
      overall: [{ code: "Q01", mean: 2.6, target: 3, withheld: false }],
      groups: [{ group: "総務部", suppressed: false, respondents: 10, questions: [{ code: "Q01", mean: 2.65, target: 3, withheld: false }] }],
      reference: "overall",
    });
    expect(map.rows[0]?.cells[0]).toMatchObject({ difference: 0.05, colour: { band: 1 } });
  });

  it("or with the target; a question that is not a KPI has none, so its cell has no colour", () => {
    const map = buildHeatmap({ overall, groups, reference: "target" });
    expect(map.rows[0]?.cells[0]).toMatchObject({ difference: 0.1, colour: { band: 1 } });
    expect(map.questions[2]).toEqual({ code: "Q16", reference: null });
    expect(map.rows[0]?.cells[2]).toEqual({ hidden: false, mean: 3, difference: null, colour: null });
  });

  it("has no overall reference for a question the gate withheld overall", () => {
    const map = buildHeatmap({
      overall: [{ code: "Q01", mean: null, target: 3, withheld: true }],
      groups: [{ group: "総務部", suppressed: false, respondents: 10, questions: [{ code: "Q01", mean: null, target: 3, withheld: false }] }],
      reference: "overall",
    });
    expect(map.questions).toEqual([{ code: "Q01", reference: null }]);
  });

  it("marks a suppressed group's every cell and size hidden, and a cell the gate withheld", () => {
    const map = buildHeatmap({ overall, groups, reference: "overall" });
    expect(map.rows[1]).toEqual({ group: "区民部", respondents: null, cells: [{ hidden: true }, { hidden: true }, { hidden: true }] });
    expect(map.rows[0]?.cells[1]).toEqual({ hidden: true });
  });
});
