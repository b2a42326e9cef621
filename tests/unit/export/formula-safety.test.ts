import { describe, expect, it } from "vitest";
import { neutraliseFormula, startsLikeFormula } from "~/domain/export/formula-safety";

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+81 3", "-2", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠x"])(
    "prefixes %j with an apostrophe",
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(startsLikeFormula(text)).toBe(true);
    },
  );

  it.each(["", "品川区", "2.577", " =1", "a=b", "'=1", "\n=1", "−1"])("leaves %j alone", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});
