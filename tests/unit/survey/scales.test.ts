import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGREEMENT_SCALE,
  isRatingQuestionType,
  normaliseCell,
  parseScaleCell,
  RATING_SCALES,
  SATISFACTION_SCALE,
} from "~/domain/survey/scales";

describe("scales", () => {
  it("defines both 4-point scales best first", () => {
    expect(AGREEMENT_SCALE.options.map((option) => [option.value, option.label_ja])).toEqual([
      [4, "そう思う"],
      [3, "まあそう思う"],
      [2, "あまりそう思わない"],
      [1, "そう思わない"],
    ]);
    expect(SATISFACTION_SCALE.options.map((option) => [option.value, option.label_ja])).toEqual([
      [4, "満足"],
      [3, "どちらかといえば満足"],
      [2, "どちらかといえば満足していない"],
      [1, "満足していない"],
    ]);
    expect(RATING_SCALES.satisfaction).toBe(SATISFACTION_SCALE);
  });

  it("tells rating types from the others", () => {
    expect(isRatingQuestionType("agreement")).toBe(true);
    expect(isRatingQuestionType("satisfaction")).toBe(true);
    expect(isRatingQuestionType("single_choice")).toBe(false);
    expect(isRatingQuestionType("free_text")).toBe(false);
  });

  it("folds full-width characters and trims ideographic spaces", () => {
    expect(normaliseCell("\u3000 Ｑ０１\u3000")).toBe("Q01");
  });

  it("folds every cell as NFKC and trim would, the ASCII shortcut included", () => {
    const cells = fc.oneof(fc.string({ unit: "binary-ascii" }), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));
    fc.assert(fc.property(cells, (cell) => normaliseCell(cell) === cell.normalize("NFKC").trim()));
    for (const cell of ["3", " 3", "3\t", "", "\u00a0", "A\u3000", "~!", "\u007f"]) expect(normaliseCell(cell)).toBe(cell.normalize("NFKC").trim());
  });
});

describe("parseScaleCell", () => {
  it.each([
    ["4", 4],
    ["1", 1],
    ["３", 3],
    ["\u3000２ ", 2],
    ["そう思う", 4],
    ["まあそう思う", 3],
    ["あまりそう思わない", 2],
    ["\u3000そう思わない\u3000", 1],
    ["Somewhat agree", 3],
    ["  somewhat   DISAGREE ", 2],
    ["agree", 4],
  ])("reads %j as %i", (cell, value) => {
    expect(parseScaleCell(AGREEMENT_SCALE, cell)).toEqual({ ok: true, value });
  });

  it("reads satisfaction labels without confusing the similar ones", () => {
    expect(parseScaleCell(SATISFACTION_SCALE, "どちらかといえば満足")).toEqual({ ok: true, value: 3 });
    expect(parseScaleCell(SATISFACTION_SCALE, "どちらかといえば満足していない")).toEqual({ ok: true, value: 2 });
    expect(parseScaleCell(SATISFACTION_SCALE, "Dissatisfied")).toEqual({ ok: true, value: 1 });
  });

  it("treats a blank cell as no answer", () => {
    expect(parseScaleCell(AGREEMENT_SCALE, "")).toEqual({ ok: true, value: null });
    expect(parseScaleCell(AGREEMENT_SCALE, " \u3000 ")).toEqual({ ok: true, value: null });
  });

  it.each(["0", "5", "５", "-1", "10"])("rejects %j as out of range", (cell) => {
    expect(parseScaleCell(AGREEMENT_SCALE, cell)).toEqual({ ok: false, reason: "out_of_range" });
  });

  it.each(["はい", "そう思", "3.5", "満足", "Agreed"])("rejects %j as an unknown label", (cell) => {
    expect(parseScaleCell(AGREEMENT_SCALE, cell)).toEqual({ ok: false, reason: "unknown_label" });
  });
});
