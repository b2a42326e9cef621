import { describe, expect, it } from "vitest";
import { questionSchema } from "~/schemas/survey-builder.server";

const form = (fields: Record<string, string>) => ({
  code: "REASON",
  type: "multiple_choice",
  textJa: "理由",
  textEn: "Reason",
  options: "仕事量 | Workload",
  ...fields,
});

describe("question form schema", () => {
  it("takes any question id as the follow-up's trigger, however many questions the ward has written", () => {
    const parsed = questionSchema.safeParse(form({ showIfQuestion: "125", showIfValues: "1" }));
    expect(parsed.success && parsed.data.showIfQuestion).toBe(125);
  });

  it("still limits how many choices may be picked to 1–99", () => {
    expect(questionSchema.safeParse(form({ maxChoices: "100" })).success).toBe(false);
    const parsed = questionSchema.safeParse(form({ maxChoices: "２" }));
    expect(parsed.success && parsed.data.maxChoices).toBe(2);
  });
});
