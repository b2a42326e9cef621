import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { defaultTarget } from "~/domain/survey/kpi";
import { AGREEMENT_SCALE } from "~/domain/survey/scales";

describe("the Shinagawa FY2023 template", () => {
  it("has the 15 questions in order", () => {
    expect(shinagawaFy2023.questions.map((question) => question.code)).toEqual(
      Array.from({ length: 15 }, (_, index) => `Q${String(index + 1).padStart(2, "0")}`),
    );
  });

  it("publishes targets that follow the city's rule", () => {
    for (const question of shinagawaFy2023.questions) {
      expect(question.target, question.code).toBe(defaultTarget(question.baseline.value));
      expect(question.baseline.fiscal_year).toBe(2023);
    }
    expect(
      shinagawaFy2023.questions.filter((question) => question.target === 2.5).map((question) => question.code),
    ).toEqual(["Q06", "Q08", "Q11"]);
  });

  it("keeps the published baselines", () => {
    expect(shinagawaFy2023.questions.map((question) => question.baseline.value)).toEqual([
      2.577, 2.608, 2.972, 2.753, 2.804, 2.29, 2.506, 2.024, 2.557, 2.691, 2.166, 2.622, 2.505, 2.741, 2.628,
    ]);
  });

  it("links every question to a known outcome", () => {
    const outcomes = new Set(
      [...shinagawaFy2023.intermediate_outcomes, ...shinagawaFy2023.direct_outcomes].map((outcome) => outcome.code),
    );
    for (const question of shinagawaFy2023.questions) expect(outcomes.has(question.outcome), question.code).toBe(true);
  });

  it("uses the same agreement labels as the domain scale", () => {
    expect(shinagawaFy2023.scale).toEqual(AGREEMENT_SCALE.options);
  });

  it("has both languages everywhere", () => {
    for (const question of shinagawaFy2023.questions) {
      expect([question.text_ja, question.text_en, question.indicator_ja, question.indicator_en].every(Boolean)).toBe(
        true,
      );
    }
  });
});
