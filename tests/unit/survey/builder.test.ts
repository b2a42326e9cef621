import { describe, expect, it } from "vitest";
import {
  type BuilderQuestion,
  type BuilderSection,
  type QuestionDraft,
  checkDeleteQuestion,
  checkDeleteSection,
  checkOrder,
  checkQuestion,
  eligibilityToStore,
  moveQuestionIn,
  moveSectionIn,
  parseOptionLines,
  parseTriggerValues,
  possibleTriggers,
} from "~/domain/survey/builder";

const KNOWN = ["regular", "reappointed", "temporary", "fiscal_year"];

const q = (id: number, code: string, type: BuilderQuestion["type"], extra: Partial<BuilderQuestion> = {}): BuilderQuestion => ({
  id,
  code,
  type,
  optionValues: type === "free_text" ? [] : type === "agreement" || type === "satisfaction" ? [4, 3, 2, 1] : [1, 2, 3],
  showIf: null,
  hasKpi: false,
  ...extra,
});

/** Section 1: Q01 (agreement, KPI), LEAVE (single choice 1..3); section 2: REASON follows LEAVE 1;2, COMMENT free text. */
const sections: BuilderSection[] = [
  { id: 10, questions: [q(1, "Q01", "agreement", { hasKpi: true }), q(2, "LEAVE", "single_choice")] },
  { id: 20, questions: [q(3, "REASON", "multiple_choice", { showIf: { questionId: 2, values: [1, 2] } }), q(4, "COMMENT", "free_text")] },
];

const draft = (overrides: Partial<QuestionDraft> = {}): QuestionDraft => ({
  code: "NEW_1",
  type: "single_choice",
  optionsText: "はい | Yes\nいいえ | No",
  maxChoices: null,
  eligibility: [],
  showIfQuestionId: null,
  showIfValues: [],
  ...overrides,
});

const place = { sections, sectionId: 20, questionId: null, knownEmploymentTypes: KNOWN };
const keys = (result: ReturnType<typeof checkQuestion>) => (result.ok ? [] : result.issues.map((i) => `${i.field}:${i.key}`));

describe("question rules", () => {
  it("accepts each type with what it needs", () => {
    expect(checkQuestion(draft(), place)).toEqual({ ok: true, options: [{ label_ja: "はい", label_en: "Yes" }, { label_ja: "いいえ", label_en: "No" }] });
    expect(checkQuestion(draft({ type: "multiple_choice", maxChoices: 2 }), place).ok).toBe(true);
    for (const type of ["agreement", "satisfaction", "free_text"] as const) {
      expect(checkQuestion(draft({ type, optionsText: "" }), place)).toEqual({ ok: true, options: [] });
    }
  });

  it("checks the code's form and uniqueness (but lets a question keep its own)", () => {
    expect(keys(checkQuestion(draft({ code: "q1" }), place))).toEqual(["code:codeFormat"]);
    expect(keys(checkQuestion(draft({ code: "A234567890123456X" }), place))).toEqual(["code:codeFormat"]);
    expect(keys(checkQuestion(draft({ code: "LEAVE" }), place))).toEqual(["code:codeTaken"]);
    expect(checkQuestion(draft({ code: "LEAVE" }), { ...place, sectionId: 10, questionId: 2 }).ok).toBe(true);
  });

  it("wants 2–20 complete options for choices and none for the other types", () => {
    expect(keys(checkQuestion(draft({ optionsText: "はい | Yes" }), place))).toEqual(["options:optionsTooFew"]);
    expect(keys(checkQuestion(draft({ optionsText: Array.from({ length: 21 }, (_, i) => `${i} | ${i}`).join("\n") }), place))).toEqual([
      "options:optionsTooMany",
    ]);
    expect(keys(checkQuestion(draft({ optionsText: "はい | Yes\nいいえ" }), place))).toEqual(["options:optionLineIncomplete"]);
    expect(keys(checkQuestion(draft({ type: "agreement" }), place))).toEqual(["options:optionsNotAllowed"]);
    expect(keys(checkQuestion(draft({ type: "free_text" }), place))).toEqual(["options:optionsNotAllowed"]);
  });

  it("allows a maximum number of picks for multiple choice only, up to the option count", () => {
    expect(keys(checkQuestion(draft({ maxChoices: 1 }), place))).toEqual(["maxChoices:maxChoicesNotAllowed"]);
    expect(keys(checkQuestion(draft({ type: "multiple_choice", maxChoices: 3 }), place))).toEqual(["maxChoices:maxChoicesRange"]);
    expect(checkQuestion(draft({ type: "multiple_choice", maxChoices: 2 }), place).ok).toBe(true);
  });

  it("knows the employment types", () => {
    expect(keys(checkQuestion(draft({ eligibility: ["regular", "intern"] }), place))).toEqual(["eligibility:eligibilityUnknown"]);
  });

  it("lets a follow-up depend only on an earlier choice or rating question, on answers it has", () => {
    expect(checkQuestion(draft({ showIfQuestionId: 2, showIfValues: [1, 2] }), place).ok).toBe(true);
    expect(checkQuestion(draft({ showIfQuestionId: 1, showIfValues: [1, 2] }), place).ok).toBe(true);
    expect(keys(checkQuestion(draft({ showIfQuestionId: 4, showIfValues: [1] }), place))).toEqual(["showIfQuestion:triggerWrongType"]);
    expect(keys(checkQuestion(draft({ showIfQuestionId: 2, showIfValues: [4] }), place))).toEqual(["showIfValues:triggerValueUnknown"]);
    expect(keys(checkQuestion(draft({ showIfQuestionId: 2, showIfValues: [] }), place))).toEqual(["showIfValues:triggerValuesRequired"]);
    expect(keys(checkQuestion(draft({ showIfValues: [1] }), place))).toEqual(["showIfValues:triggerValuesWithoutTrigger"]);
    // Editing LEAVE: REASON comes after it, so it cannot be LEAVE's trigger; nor can LEAVE itself.
    const editingLeave = { ...place, sectionId: 10, questionId: 2 };
    expect(keys(checkQuestion(draft({ code: "LEAVE", showIfQuestionId: 3, showIfValues: [1] }), editingLeave))).toEqual(["showIfQuestion:triggerNotEarlier"]);
    expect(keys(checkQuestion(draft({ code: "LEAVE", showIfQuestionId: 2, showIfValues: [1] }), editingLeave))).toEqual(["showIfQuestion:triggerNotEarlier"]);
    expect(possibleTriggers(place).map((t) => t.code)).toEqual(["Q01", "LEAVE", "REASON"]);
    expect(possibleTriggers({ ...place, sectionId: 10 }).map((t) => t.code)).toEqual(["Q01", "LEAVE"]);
  });

  it("keeps a KPI question a rating question", () => {
    const editingQ01 = { ...place, sectionId: 10, questionId: 1 };
    expect(checkQuestion(draft({ code: "Q01", type: "satisfaction", optionsText: "" }), editingQ01).ok).toBe(true);
    expect(keys(checkQuestion(draft({ code: "Q01" }), editingQ01))).toEqual(["type:kpiTypeLocked"]);
  });

  it("refuses to take away answers that follow-ups wait for", () => {
    const editingLeave = { ...place, sectionId: 10, questionId: 2 };
    expect(checkQuestion(draft({ code: "LEAVE", optionsText: "a | A\nb | B" }), editingLeave).ok).toBe(true);
    expect(keys(checkQuestion(draft({ code: "LEAVE", type: "free_text", optionsText: "" }), editingLeave))).toEqual(["type:followersNeedValues"]);
    expect(keys(checkQuestion(draft({ code: "LEAVE", optionsText: "a | A\nb | B\nc | C" }), editingLeave))).toEqual([]);
  });
});

describe("options and trigger values as typed", () => {
  it("reads one option per line, either bar, skipping blank lines", () => {
    expect(parseOptionLines(" はい ｜ Yes \n\nいいえ|No\n")).toEqual({
      options: [{ label_ja: "はい", label_en: "Yes" }, { label_ja: "いいえ", label_en: "No" }],
      issues: [],
    });
    expect(parseOptionLines("はい\n | No").issues.map((i) => i.params?.min)).toEqual([1, 2]);
  });

  it("reads trigger values separated by ; , or spaces, in full width too", () => {
    expect(parseTriggerValues("1;2")).toEqual([1, 2]);
    expect(parseTriggerValues("２；１, 2")).toEqual([1, 2]);
    expect(parseTriggerValues("")).toEqual([]);
    expect(parseTriggerValues("1;a")).toBeNull();
  });

  it("stores 'none ticked' and 'all ticked' as everyone", () => {
    expect(eligibilityToStore([], KNOWN)).toBeNull();
    expect(eligibilityToStore(KNOWN, KNOWN)).toBeNull();
    expect(eligibilityToStore(["temporary", "regular"], KNOWN)).toEqual(["regular", "temporary"]);
  });
});

describe("ordering", () => {
  const codes = (s: BuilderSection[] | null) => s?.map((section) => section.questions.map((x) => x.code));

  it("moves questions within and across sections", () => {
    expect(codes(moveQuestionIn(sections, 1, "down"))).toEqual([["LEAVE", "Q01"], ["REASON", "COMMENT"]]);
    expect(codes(moveQuestionIn(sections, 2, "down"))).toEqual([["Q01"], ["LEAVE", "REASON", "COMMENT"]]);
    expect(codes(moveQuestionIn(sections, 3, "up"))).toEqual([["Q01", "LEAVE", "REASON"], ["COMMENT"]]);
    expect(moveQuestionIn(sections, 1, "up")).toBeNull();
    expect(moveQuestionIn(sections, 4, "down")).toBeNull();
  });

  it("refuses an order that puts a follow-up before its trigger, either way round", () => {
    // REASON up past LEAVE (two steps: into section 1, then above LEAVE).
    const once = moveQuestionIn(sections, 3, "up")!;
    expect(checkOrder(once)).toEqual([]);
    const twice = moveQuestionIn(once, 3, "up")!;
    expect(checkOrder(twice)).toEqual([{ field: "form", key: "moveBreaksFollowUp", params: { detail: "REASON ← LEAVE" } }]);
    // LEAVE down past REASON.
    const leaveDown = moveQuestionIn(moveQuestionIn(sections, 2, "down")!, 2, "down")!;
    expect(checkOrder(leaveDown)[0]?.key).toBe("moveBreaksFollowUp");
    // Sections swapped: REASON's section before LEAVE's.
    expect(checkOrder(moveSectionIn(sections, 20, "up")!)[0]?.key).toBe("moveBreaksFollowUp");
    expect(moveSectionIn(sections, 10, "up")).toBeNull();
  });

  it("refuses deleting a question or section others follow", () => {
    expect(checkDeleteQuestion(sections, 2)).toEqual([{ field: "form", key: "deleteFollowed", params: { detail: "REASON" } }]);
    expect(checkDeleteQuestion(sections, 3)).toEqual([]);
    expect(checkDeleteSection(sections, 10)[0]).toMatchObject({ key: "sectionDeleteFollowed", params: { detail: "REASON" } });
    expect(checkDeleteSection(sections, 20)).toEqual([]);
  });
});
