import { describe, expect, it } from "vitest";
import {
  type DefinedSection,
  carriedAnswers,
  clampStep,
  confirmStep,
  firstStepWithProblem,
  formSectionsFor,
  parseSavedAnswers,
  pickedById,
  pickAnswers,
  questionPresence,
  resumeStep,
  draftStorageKey,
  sectionProblems,
} from "~/domain/survey/answer-form";
import { isLegacyDraftKey } from "~/domain/survey/legacy-drafts";
import { definedQuestion as agreement } from "../../support/defined-questions";

const defined: DefinedSection[] = [
  { id: 1, title_ja: "一", title_en: "One", eligibleEmploymentTypes: null, questions: [agreement(1, "Q1"), agreement(2, "Q2", { showIf: { questionId: 1, values: [1] } })] },
  { id: 2, title_ja: "二", title_en: "Two", eligibleEmploymentTypes: ["regular"], questions: [agreement(3, "Q3")] },
  {
    id: 3,
    title_ja: "三",
    title_en: "Three",
    eligibleEmploymentTypes: null,
    questions: [agreement(4, "Q4", { showIf: { questionId: 1, values: [1, 2] } }), agreement(5, "Q5", { eligibleEmploymentTypes: ["fiscal_year"] })],
  },
];

describe("the sections a person is asked", () => {
  it("leaves out sections and questions of other employment types, and sections left empty", () => {
    expect(formSectionsFor(defined, "regular", "ja").map((s) => s.questions.map((q) => q.code))).toEqual([["Q1", "Q2"], ["Q3"], ["Q4"]]);
    expect(formSectionsFor(defined, "fiscal_year", "ja").map((s) => s.questions.map((q) => q.code))).toEqual([["Q1", "Q2"], ["Q4", "Q5"]]);
  });

  it("words sections, questions and choices in the reader's language only", () => {
    const [ja, en] = [formSectionsFor(defined, "regular", "ja"), formSectionsFor(defined, "regular", "en")];
    expect([ja[0]?.title, ja[0]?.questions[0]?.text, ja[0]?.questions[0]?.options[0]]).toEqual(["一", "Q1の文", { value: 4, label: "そう思う" }]);
    expect([en[0]?.title, en[0]?.questions[0]?.text, en[0]?.questions[0]?.options[0]]).toEqual(["One", "Q1 text", { value: 4, label: "Agree" }]);
    expect(JSON.stringify(ja)).not.toContain("Q1 text");
  });

  it("gives each question its option values for checking", () => {
    expect(formSectionsFor(defined, "regular", "ja")[0]?.questions[0]?.optionValues).toEqual([4, 3, 2, 1]);
  });
});

describe("steps", () => {
  const sections = formSectionsFor(defined, "regular", "ja");

  it("run from the introduction (0) through the sections to the confirmation", () => {
    expect(confirmStep(sections)).toBe(4);
    expect(clampStep(-3, sections)).toBe(0);
    expect(clampStep(99, sections)).toBe(4);
    expect(clampStep(2.7, sections)).toBe(2);
  });

  it("check one section, seeing follow-ups through earlier answers", () => {
    expect(sectionProblems(sections, 0, "regular", {})).toEqual({ Q1: "required" });
    expect(sectionProblems(sections, 0, "regular", { Q1: ["1"] })).toEqual({ Q2: "required" });
    expect(sectionProblems(sections, 2, "regular", { Q1: ["4"] })).toEqual({});
    expect(sectionProblems(sections, 2, "regular", { Q1: ["2"] })).toEqual({ Q4: "required" });
    expect(sectionProblems(sections, 1, "regular", { Q3: ["9"] })).toEqual({ Q3: "invalid" });
  });

  it("send the person to the first section with a problem", () => {
    expect(firstStepWithProblem(sections, { Q4: "required", Q3: "required" })).toBe(2);
    expect(firstStepWithProblem(sections, {})).toBe(4);
  });

  it("resume kept answers at the first incomplete section, or the confirmation when all is done", () => {
    expect(resumeStep(sections, "regular", { Q1: ["4"] })).toBe(2);
    expect(resumeStep(sections, "regular", { Q1: ["4"], Q3: ["3"] })).toBe(4);
    expect(resumeStep(sections, "regular", { Q1: ["4"], Q3: [" "] })).toBe(2);
    // Q4 is asked once Q1 is 1 or 2.
    expect(resumeStep(sections, "regular", { Q1: ["2"], Q3: ["3"] })).toBe(3);
  });
});

describe("answers in the form", () => {
  const sections = formSectionsFor(defined, "regular", "ja");

  it("are read for the form's own questions only, blanks dropped", () => {
    const posted: Record<string, string[]> = { Q1: ["4"], Q3: [""], Q5: ["4"], other: ["x"] };
    expect(pickAnswers(sections, (code) => posted[code] ?? [])).toEqual({ Q1: ["4"] });
  });

  it("are carried in hidden fields for every step but the current one", () => {
    expect(carriedAnswers(sections, { Q1: ["1"], Q2: ["3"], Q3: ["4"] }, 0)).toEqual([["Q3", "4"]]);
    expect(carriedAnswers(sections, { Q1: ["1"], Q3: ["4"] }, null)).toEqual([
      ["Q1", "1"],
      ["Q3", "4"],
    ]);
  });

  it("decide follow-ups by question id, on the values picked", () => {
    expect([...pickedById(sections, "regular", { Q1: ["1"], Q2: ["3"] })]).toEqual([
      [1, [1]],
      [2, [3]],
      [3, []],
      [4, []],
    ]);
    // Q2 and Q4 are not asked after a 4 on Q1: what was picked for them does not count.
    expect([...pickedById(sections, "regular", { Q1: ["4"], Q2: ["3"], Q4: ["1"] }).keys()]).toEqual([1, 3]);
  });

  it("keep a follow-up hidden when the question it depends on is hidden itself", () => {
    const chained = formSectionsFor(
      [
        {
          id: 1,
          title_ja: "一",
          title_en: "One",
          eligibleEmploymentTypes: null,
          questions: [
            agreement(1, "Q1"),
            agreement(2, "Q2", { showIf: { questionId: 1, values: [1] } }),
            agreement(3, "Q3", { showIf: { questionId: 2, values: [4] } }),
          ],
        },
      ],
      "regular",
      "ja",
    );
    expect([...pickedById(chained, "regular", { Q1: ["4"], Q2: ["4"] }).keys()]).toEqual([1]);
    expect([...pickedById(chained, "regular", { Q1: ["1"], Q2: ["4"] }).keys()]).toEqual([1, 2, 3]);
  });
});

describe("whether a question appears", () => {
  const sections = formSectionsFor(defined, "regular", "ja");
  const [first, , third] = sections;
  const [trigger, followUp] = first!.questions;
  const laterFollowUp = third!.questions[0]!;

  it("asks a follow-up whose trigger is on the same step, with a note, until the page can react", () => {
    expect(questionPresence(followUp!, first!, "regular", new Map(), false)).toBe("conditional");
    expect(questionPresence(followUp!, first!, "regular", new Map(), true)).toBe("skipped");
    expect(questionPresence(followUp!, first!, "regular", new Map([[1, 1]]), true)).toBe("asked");
  });

  it("decides at once on a follow-up to an earlier step", () => {
    expect(questionPresence(laterFollowUp, third!, "regular", new Map([[1, 4]]), false)).toBe("skipped");
    expect(questionPresence(laterFollowUp, third!, "regular", new Map([[1, 2]]), false)).toBe("asked");
    expect(questionPresence(trigger!, first!, "regular", new Map(), false)).toBe("asked");
  });
});

describe("answers kept in the browser", () => {
  it("are kept in a slot named by the server, and plain-text drafts of earlier versions are recognised", () => {
    expect(draftStorageKey("0f1e2d")).toBe("yell:draft:0f1e2d");
    expect(isLegacyDraftKey("yell:survey:kpi-fy2024:answers")).toBe(true);
    expect(isLegacyDraftKey("yell:draft:0f1e2d")).toBe(false);
  });

  it("are read back only when shaped like answers", () => {
    expect(parseSavedAnswers(JSON.stringify({ Q1: ["4"], Q2: [3], Q3: [] }))).toEqual({ Q1: ["4"] });
    expect(parseSavedAnswers("not json")).toBeNull();
    expect(parseSavedAnswers("[]")).toBeNull();
    expect(parseSavedAnswers("{}")).toBeNull();
    expect(parseSavedAnswers(null)).toBeNull();
  });
});
