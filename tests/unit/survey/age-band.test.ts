import { describe, expect, it } from "vitest";
import { AGE_BAND_LABELS, AGE_BANDS, ageBandOf } from "~/domain/survey/age-band";

describe("ageBandOf", () => {
  it.each([
    [1994, "under30"], // turns 29 in 2023
    [1993, "30s"], // 29 or 30 on 1 April 2023; counted as 30
    [1984, "30s"],
    [1983, "40s"],
    [1974, "40s"],
    [1973, "50plus"],
    [1958, "50plus"],
    [2005, "under30"],
  ])("born %i is in %s for FY2023", (birthYear, band) => {
    expect(ageBandOf(birthYear, 2023)).toBe(band);
  });

  it("rejects birth years after the fiscal year", () => {
    expect(() => ageBandOf(2024, 2023)).toThrow(RangeError);
    expect(() => ageBandOf(1990.5, 2023)).toThrow(RangeError);
  });

  it("labels the bands as the city does", () => {
    expect(AGE_BANDS.map((band) => AGE_BAND_LABELS[band].label_ja)).toEqual([
      "29歳以下",
      "30歳～39歳",
      "40歳～49歳",
      "50歳以上",
    ]);
  });
});
