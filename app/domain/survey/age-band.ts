/** The age bands the city reports by. */
export const AGE_BANDS = ["under30", "30s", "40s", "50plus"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, { label_ja: string; label_en: string }>> = {
  under30: { label_ja: "29歳以下", label_en: "29 and under" },
  "30s": { label_ja: "30歳～39歳", label_en: "30–39" },
  "40s": { label_ja: "40歳～49歳", label_en: "40–49" },
  "50plus": { label_ja: "50歳以上", label_en: "50 and over" },
};

/**
 * Staff records hold only a birth year, so the exact age on 1 April is unknowable; we take
 * fiscalYear − birthYear, the age reached during the calendar year in which the fiscal year
 * starts. Someone born in 1993 is 29 or 30 on 1 April 2023 and counts as 30s for FY2023.
 */
export function ageBandOf(birthYear: number, fiscalYear: number): AgeBand {
  if (!Number.isSafeInteger(birthYear) || !Number.isSafeInteger(fiscalYear) || birthYear > fiscalYear) {
    throw new RangeError(`birth year ${birthYear} does not fit fiscal year ${fiscalYear}`);
  }
  const age = fiscalYear - birthYear;
  if (age < 30) return "under30";
  if (age < 40) return "30s";
  if (age < 50) return "40s";
  return "50plus";
}
