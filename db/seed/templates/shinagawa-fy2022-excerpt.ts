/**
 * What Yell holds of Shinagawa City's FY2022 staff survey (仕事や働き方に関するアンケート, fielded
 * 10–28 February 2023, 2,216 respondents): the overall job-satisfaction question and the two
 * questions on leaving whose reasons the city published by age band. Source: 品川区人材育成・確保基本方針,
 * chapter III-2. The third LEAVE option is implied by the source; English texts are Yell's
 * translations. Fiscal-year appointed staff (会計年度任用職員) answered only the first and the last
 * section of the original survey, so the leaving questions are not put to them.
 * db/ imports nothing from app/, hence the plain types.
 */
export type GeneralQuestionType = "agreement" | "satisfaction" | "single_choice" | "multiple_choice" | "free_text";

export interface ChoiceOptionTemplate {
  label_ja: string;
  label_en: string;
}

export interface GeneralQuestionTemplate {
  code: string;
  type: GeneralQuestionType;
  text_ja: string;
  text_en: string;
  required: boolean;
  /** Multiple choice only: how many options may be picked at most. */
  maxChoices?: number;
  /** Choice questions: numbered 1, 2, … in this order. */
  options?: readonly ChoiceOptionTemplate[];
  /** A follow-up: asked only when the earlier question (by code) got one of these option numbers. */
  showIf?: { questionCode: string; values: readonly number[] };
}

export interface GeneralSectionTemplate {
  title_ja: string;
  title_en: string;
  /** Employment type codes that answer the section; null = everyone. */
  eligibleEmploymentTypes: readonly string[] | null;
  questions: readonly GeneralQuestionTemplate[];
}

/** A template of any question types, without KPIs or a logic model. */
export interface ChoiceSurveyTemplate {
  code: string;
  fiscal_year: number;
  title_ja: string;
  title_en: string;
  fielded: { from: string; to: string };
  baseline_respondents: number;
  baseline_response_rate: number;
  sections: readonly GeneralSectionTemplate[];
}

/** Every employment type except 会計年度任用 (fiscal_year). */
const EXCEPT_FISCAL_YEAR_APPOINTED = ["regular", "reappointed", "temporary"] as const;

export const shinagawaFy2022Excerpt: ChoiceSurveyTemplate = {
  code: "shinagawa-fy2022-excerpt",
  fiscal_year: 2022,
  title_ja: "令和4年度 職員アンケート（仕事や働き方に関するアンケート）抜粋",
  title_en: "FY2022 staff survey (work and working styles), excerpt",
  fielded: { from: "2023-02-10", to: "2023-02-28" },
  baseline_respondents: 2216,
  baseline_response_rate: 0.551,
  sections: [
    {
      title_ja: "仕事の満足度",
      title_en: "Job satisfaction",
      eligibleEmploymentTypes: null,
      questions: [
        {
          code: "SAT",
          type: "satisfaction",
          text_ja: "現在の仕事に満足していますか。",
          text_en: "Are you satisfied with your current work?",
          required: true,
        },
      ],
    },
    {
      title_ja: "その他（途中退職について）",
      title_en: "Other (leaving the city before retirement)",
      eligibleEmploymentTypes: EXCEPT_FISCAL_YEAR_APPOINTED,
      questions: [
        {
          code: "LEAVE",
          type: "single_choice",
          text_ja: "これまでに途中退職を検討したことがありますか。",
          text_en: "Have you ever considered leaving the city before retirement?",
          required: true,
          options: [
            { label_ja: "現在検討中", label_en: "Considering it now" },
            { label_ja: "過去に検討したことがある", label_en: "Considered it in the past" },
            { label_ja: "検討したことはない", label_en: "Never considered it" },
          ],
        },
        {
          code: "REASONS",
          type: "multiple_choice",
          text_ja: "退職を考えた理由（2つまで選択可）",
          text_en: "Why did you consider leaving? (up to 2)",
          required: true,
          maxChoices: 2,
          showIf: { questionCode: "LEAVE", values: [1, 2] },
          options: [
            {
              label_ja: "働き方に不満がある(テレワーク・フレックスタイムがない等)",
              label_en: "Dissatisfied with how we work (no telework or flextime, etc.)",
            },
            { label_ja: "人間関係が嫌だ", label_en: "Dislike the relationships at work" },
            { label_ja: "家庭の事情(育児、介護等)", label_en: "Family circumstances (childcare, nursing care, etc.)" },
            { label_ja: "給料が少ない", label_en: "The pay is low" },
            { label_ja: "他にやりたい仕事があるから", label_en: "There is other work I want to do" },
            { label_ja: "体調不良", label_en: "Poor health" },
            { label_ja: "職場までが遠い", label_en: "The workplace is far away" },
          ],
        },
      ],
    },
  ],
};
