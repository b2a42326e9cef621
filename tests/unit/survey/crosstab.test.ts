import { describe, expect, it } from "vitest";
import { buildCrosstab, crosstabJson, crosstabTable } from "~/domain/survey/crosstab";
import { dictionaryFor } from "~/i18n";

const options = [
  { value: 1, label_ja: "給料が少ない", label_en: "Low pay" },
  { value: 2, label_ja: "体調不良", label_en: "Poor health" },
  { value: 3, label_ja: "職場までが遠い", label_en: "Far away" },
];

describe("buildCrosstab", () => {
  const crosstab = buildCrosstab({
    options,
    // 10 respondents made 15 picks; 2 of them have no group.
    overall: { respondents: 10, counts: { 1: 7, 2: 5, 3: 3 } },
    groups: [
      { name: "A", respondents: 5, counts: { 1: 4, 2: 3 } },
      { name: "B", respondents: 3, counts: { 1: 2, 2: 1, 3: 2 } },
    ],
    suppressed: [],
  });

  it("counts per option and group, with totals from everyone", () => {
    expect(crosstab.groups).toEqual(["A", "B"]);
    expect(crosstab.suppressed).toEqual([]);
    expect(crosstab.rows.map((r) => [r.counts, r.total])).toEqual([
      [{ A: 4, B: 2 }, 7],
      [{ A: 3, B: 1 }, 5],
      [{ A: 0, B: 2 }, 3],
    ]);
    expect(crosstab.picks).toEqual({ total: 15, byGroup: { A: 7, B: 5 } });
  });

  it("gives shares of respondents and of picks, rounded half-up to 0.001", () => {
    expect(crosstab.rows.map((r) => [r.shareOfRespondents, r.shareOfPicks])).toEqual([
      [0.7, 0.467],
      [0.5, 0.333],
      [0.3, 0.2],
    ]);
    expect(crosstab.rows[0]!.groupShares).toEqual({ A: 0.8, B: 0.667 });
  });

  it("names the groups the gate withholds, and leaves them out of every count", () => {
    const small = buildCrosstab({
      options,
      overall: { respondents: 14, counts: { 1: 9, 2: 5 } },
      groups: [{ name: "C", respondents: 7, counts: { 1: 4, 2: 3 } }],
      suppressed: ["A", "B"],
    });
    expect(small.groups).toEqual(["C"]);
    expect(small.suppressed).toEqual(["A", "B"]);
    expect(small.rows.every((row) => Object.keys(row.counts).join() === "C" && Object.keys(row.groupShares).join() === "C")).toBe(true);
    expect(Object.keys(small.respondents.byGroup)).toEqual(["C"]);
    expect(crosstabJson("REASONS", "department", small)).toEqual({
      question: "REASONS",
      by: "department",
      groups: ["C"],
      suppressed: ["A", "B"],
      rows: [
        { option: "給料が少ない", counts: { C: 4 }, total: 9 },
        { option: "体調不良", counts: { C: 3 }, total: 5 },
        { option: "職場までが遠い", counts: { C: 0 }, total: 0 },
      ],
    });
  });

  it("leaves suppressed out of the JSON when nothing is hidden", () => {
    expect(crosstabJson("Q", "age_band", crosstab)).not.toHaveProperty("suppressed");
  });

  it("makes a table with headers in the reader's language", () => {
    const rows = crosstabTable(crosstab, dictionaryFor("en"), "en");
    expect(rows[0]).toEqual(["Option", "A", "B", "Total", "Share of respondents", "Share of all picks"]);
    expect(rows[1]).toEqual(["Low pay", 4, 2, 7, { value: 0.7, decimals: 3 }, { value: 0.467, decimals: 3 }]);
    expect(rows.at(-1)).toEqual(["Respondents", 5, 3, 10, null, null]);
  });
});
