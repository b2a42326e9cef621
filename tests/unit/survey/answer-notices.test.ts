import { describe, expect, it } from "vitest";
import { type DefinedSection, formSectionsFor } from "~/domain/survey/answer-form";
import { anonymityNotice, describedSections, problemMessages, surveyPageWords, unavailableNotice } from "~/domain/survey/answer-notices.server";
import { en } from "~/i18n/en";
import { ja } from "~/i18n/ja";
import { definedQuestion as question } from "../../support/defined-questions";

const defined: DefinedSection[] = [
  {
    id: 1,
    title_ja: "一",
    title_en: "One",
    eligibleEmploymentTypes: null,
    questions: [
      question(1, "Q1"),
      question(2, "Q2", { showIf: { questionId: 1, values: [1, 2] } }),
      question(3, "Q3", { type: "multiple_choice", maxChoices: 2 }),
      question(4, "Q4", { type: "free_text", options: [] }),
    ],
  },
];

describe("what the server words for the answering page", () => {
  it("gives each question its hint and a follow-up whom it is for, and nothing to a plain question", () => {
    const [section] = describedSections(formSectionsFor(defined, "regular", "ja"), ja);
    const [q1, q2, q3, q4] = section!.questions;
    expect(q1).not.toHaveProperty("hint");
    expect(q1).not.toHaveProperty("followUpNote");
    expect(q2?.followUpNote).toBe("Q1で「あまりそう思わない」「そう思わない」を選んだ方のみお答えください。");
    expect(q3?.hint).toBe("2個まで選べます");
    expect(q3?.limitMessage).toBe("選べるのは2個までです。");
    expect(q1).not.toHaveProperty("limitMessage");
    expect(q4?.hint).toBe("2000文字以内");
    const [english] = describedSections(formSectionsFor(defined, "regular", "en"), en);
    expect(english!.questions[1]?.followUpNote).toBe("Only if you chose “Somewhat disagree” or “Disagree” in Q1.");
  });

  it("words the problems found in posted answers, by question code", () => {
    const sections = formSectionsFor(defined, "regular", "ja");
    expect(problemMessages(sections, { Q1: "required", Q3: "too_many", Q4: "too_long" }, ja)).toEqual({
      Q1: "この設問に回答してください。",
      Q3: "選べるのは2個までです。",
      Q4: "2000文字以内で入力してください。",
    });
    expect(problemMessages(sections, {}, ja)).toEqual({});
  });

  it("words the page's progress for each step, and its title", () => {
    const words = surveyPageWords(2, en);
    expect(words.steps).toEqual(["Before you start", "Section 1 of 2", "Section 2 of 2", "Check your answers"]);
    expect(words.title).toBe("Answer a survey | Yell");
    expect(surveyPageWords(0, ja).steps).toEqual(["はじめに", "回答内容の確認"]);
  });

  it("words the notes on anonymity, with the one on free text only when the survey asks for text", () => {
    const sections = formSectionsFor(defined, "regular", "ja");
    const withText = anonymityNotice(7, sections, ja);
    expect(withText.notes).toEqual([ja.surveyNotices.anonymityGroups(7), ja.surveyNotices.anonymityStorage, ja.surveyNotices.anonymityBrowser, ja.surveyNotices.anonymityFreeText]);
    const withoutText = sections.map((section) => ({ ...section, questions: section.questions.filter((q) => q.type !== "free_text") }));
    expect(anonymityNotice(7, withoutText, ja).notes).not.toContain(ja.surveyNotices.anonymityFreeText);
    expect(withText.notes[0]).toContain("7人以上");
  });

  it("words the page shown instead of the form", () => {
    expect(unavailableNotice("thanks", ja)).toEqual({ status: "thanks", heading: "ご回答ありがとうございました", body: ja.surveyNotices.thanksBody });
    expect(unavailableNotice("closed", en)).toMatchObject({ status: "closed", heading: "This survey has closed" });
  });
});
