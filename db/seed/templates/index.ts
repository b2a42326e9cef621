import { type ChoiceSurveyTemplate, shinagawaFy2022Excerpt } from "./shinagawa-fy2022-excerpt";
import { type SurveyTemplate, shinagawaFy2023 } from "./shinagawa-fy2023";

export type { SurveyTemplate } from "./shinagawa-fy2023";
export type { ChoiceSurveyTemplate, GeneralQuestionTemplate, GeneralSectionTemplate } from "./shinagawa-fy2022-excerpt";

/**
 * How a template's questions are split into the pages staff answer one at a time: question codes
 * per section, in order. The city's printed form is one list; five statements a page keeps each
 * step short on a phone.
 */
export interface TemplateSection {
  title_ja: string;
  title_en: string;
  questionCodes: readonly string[];
}

export interface RegisteredTemplate {
  kind?: "kpi";
  template: SurveyTemplate;
  sections: readonly TemplateSection[];
  /** The title without its year, to which a new survey's fiscal year is prefixed. */
  titleStem_ja: string;
  titleStem_en: string;
  intro_ja: string;
  intro_en: string;
}

/** A template whose sections and questions (of any type) are written out in full; no KPIs. */
export interface RegisteredGeneralTemplate {
  kind: "general";
  template: ChoiceSurveyTemplate;
  titleStem_ja: string;
  titleStem_en: string;
  intro_ja: string;
  intro_en: string;
}

const KPI_SURVEY_INTRO_JA =
  "このアンケートは、職員の皆さんが働きやすく、やりがいを持って働ける職場づくりのために毎年実施しています。" +
  "各設問について、ご自身の考えに最も近いものを選んでください。";
const KPI_SURVEY_INTRO_EN =
  "This survey is run every year to make the city a workplace where staff can work well and find purpose. " +
  "For each statement, choose the answer closest to your own view.";

export const surveyTemplates: Readonly<Record<string, RegisteredTemplate | RegisteredGeneralTemplate>> = {
  [shinagawaFy2023.code]: {
    template: shinagawaFy2023,
    sections: [
      { title_ja: "職場と仕事について（1）", title_en: "Your workplace and work (1)", questionCodes: ["Q01", "Q02", "Q03", "Q04", "Q05"] },
      { title_ja: "職場と仕事について（2）", title_en: "Your workplace and work (2)", questionCodes: ["Q06", "Q07", "Q08", "Q09", "Q10"] },
      { title_ja: "職場と仕事について（3）", title_en: "Your workplace and work (3)", questionCodes: ["Q11", "Q12", "Q13", "Q14", "Q15"] },
    ],
    titleStem_ja: "職員アンケート（現在の職場に関する調査）",
    titleStem_en: "staff survey (about your current workplace)",
    intro_ja: KPI_SURVEY_INTRO_JA,
    intro_en: KPI_SURVEY_INTRO_EN,
  },
  [shinagawaFy2022Excerpt.code]: {
    kind: "general",
    template: shinagawaFy2022Excerpt,
    titleStem_ja: "職員アンケート（仕事や働き方に関するアンケート）",
    titleStem_en: "staff survey (work and working styles)",
    intro_ja:
      "このアンケートは、職員の皆さんの仕事の満足度や働き方についての考えを伺い、働きやすい職場づくりに活かすために実施しています。",
    intro_en: "This survey asks about your job satisfaction and how you see your way of working, to help make the city a better place to work.",
  },
};
