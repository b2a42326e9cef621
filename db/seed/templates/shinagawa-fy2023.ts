/**
 * Shinagawa City's FY2023 staff survey: 15 questions on a 4-point agreement scale, each a KPI of
 * the city's human-resources logic model, with the published baselines (FY2023, 1,736
 * respondents) and targets. Source: 品川区人材育成・確保基本方針 (April 2024), chapter IV-3 "KPI".
 * English texts are Yell's translations. db/ imports nothing from app/, hence the plain types.
 */
export interface ScaleLabelTemplate {
  value: number;
  label_ja: string;
  label_en: string;
}

export interface OutcomeTemplate {
  code: string;
  name_ja: string;
  name_en: string;
}

export interface DirectOutcomeTemplate extends OutcomeTemplate {
  /** Intermediate outcomes this one feeds. */
  feeds: readonly string[];
}

export interface QuestionTemplate {
  code: string;
  type: "agreement";
  text_ja: string;
  text_en: string;
  indicator_ja: string;
  indicator_en: string;
  /** The direct or intermediate outcome this KPI serves. */
  outcome: string;
  baseline: { value: number; fiscal_year: number };
  target: number;
}

export interface SurveyTemplate {
  code: string;
  fiscal_year: number;
  title_ja: string;
  title_en: string;
  fielded: { from: string; to: string };
  population_ja: string;
  baseline_respondents: number;
  baseline_response_rate: number;
  scale: readonly ScaleLabelTemplate[];
  final_outcome: { text_ja: string; text_en: string };
  intermediate_outcomes: readonly OutcomeTemplate[];
  direct_outcomes: readonly DirectOutcomeTemplate[];
  questions: readonly QuestionTemplate[];
}

const BASELINE_YEAR = 2023;

export const shinagawaFy2023: SurveyTemplate = {
  code: "shinagawa-fy2023",
  fiscal_year: 2023,
  title_ja: "令和5年度 職員アンケート（現在の職場に関する調査）",
  title_en: "FY2023 staff survey (about your current workplace)",
  fielded: { from: "2024-03-22", to: "2024-03-28" },
  population_ja: "品川区職員（再任用職員、臨時的任用職員、会計年度任用職員を含む）",
  baseline_respondents: 1736,
  baseline_response_rate: 0.546,
  scale: [
    { value: 4, label_ja: "そう思う", label_en: "Agree" },
    { value: 3, label_ja: "まあそう思う", label_en: "Somewhat agree" },
    { value: 2, label_ja: "あまりそう思わない", label_en: "Somewhat disagree" },
    { value: 1, label_ja: "そう思わない", label_en: "Disagree" },
  ],
  final_outcome: {
    text_ja: "「誰もが生きがいを感じ、自分らしく暮らしていけるしながわ」を職員が支えている",
    text_en: 'Staff sustain "a Shinagawa where everyone finds purpose in life and can live as themselves"',
  },
  intermediate_outcomes: [
    { code: "11", name_ja: "すべての職員が安心して働くことができる", name_en: "All staff can work with peace of mind" },
    {
      code: "12",
      name_ja: "すべての職員が誇りとやりがいを感じ、能力を活かして働くことができる",
      name_en: "All staff feel pride and purpose and can use their abilities",
    },
    {
      code: "13",
      name_ja: "職員同士がお互いを尊重し、高めあうことができる",
      name_en: "Staff respect each other and help each other grow",
    },
  ],
  direct_outcomes: [
    {
      code: "01",
      feeds: ["11"],
      name_ja: "職員が多様な働き方を選ぶことができる",
      name_en: "Staff can choose diverse ways of working",
    },
    {
      code: "02",
      feeds: ["11"],
      name_ja: "職員の心身の健康が保たれている",
      name_en: "Staff physical and mental health is maintained",
    },
    {
      code: "03",
      feeds: ["12"],
      name_ja: "職員の能力を活かす仕組みが整っている",
      name_en: "Systems exist to make use of staff abilities",
    },
    {
      code: "04",
      feeds: ["12"],
      name_ja: "職員が自分のやりたいことを提案できる",
      name_en: "Staff can propose what they want to do",
    },
    {
      code: "05",
      feeds: ["12", "13"],
      name_ja: "職員が積極的にスキルアップに取り組み、必要な能力が向上する",
      name_en: "Staff actively build skills and needed abilities improve",
    },
    { code: "06", feeds: ["13"], name_ja: "職員の頑張りが認められる", name_en: "Staff efforts are recognised" },
  ],
  questions: [
    {
      code: "Q01",
      type: "agreement",
      outcome: "11",
      text_ja: "品川区はシフト勤務やテレワーク、子の看護のための休暇や介護休暇等、働き続ける上での制度が整っている。",
      text_en:
        "The city has the systems needed to keep working here, such as shift work, telework, child-care leave and family-care leave.",
      indicator_ja: "品川区は働きやすいと思う職員の割合",
      indicator_en: "Share of staff who find the city a good place to work",
      baseline: { value: 2.577, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q02",
      type: "agreement",
      outcome: "12",
      text_ja: "仕事を楽しんでいると感じる。",
      text_en: "I feel that I enjoy my work.",
      indicator_ja: "仕事を楽しんでいると感じる職員の割合",
      indicator_en: "Share of staff who feel they enjoy their work",
      baseline: { value: 2.608, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q03",
      type: "agreement",
      outcome: "12",
      text_ja: "自分の仕事が誰かの役に立っているという実感がある。",
      text_en: "I feel that my work is useful to someone.",
      indicator_ja: "仕事が充実していると感じる職員の割合",
      indicator_en: "Share of staff who find their work fulfilling",
      baseline: { value: 2.972, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q04",
      type: "agreement",
      outcome: "13",
      text_ja: "仕事の進め方や取り組み方、自己研鑽の姿勢等、職場の人から良い刺激や影響を受けて始めたことがある。",
      text_en:
        "Something I started (a way of working, an approach, self-study) was inspired by someone at my workplace.",
      indicator_ja: "職場の人に影響を受けて始めたことがある職員の割合",
      indicator_en: "Share of staff who started something inspired by a colleague",
      baseline: { value: 2.753, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q05",
      type: "agreement",
      outcome: "13",
      text_ja: "職場の人の良いところを見つけて、その人に直接伝えることがよくある。",
      text_en: "I often notice a colleague's strengths and tell them directly.",
      indicator_ja: "職場の人にプラスのフィードバックをした職員の割合",
      indicator_en: "Share of staff who gave a colleague positive feedback",
      baseline: { value: 2.804, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q06",
      type: "agreement",
      outcome: "01",
      text_ja: "品川区では勤務や休暇に関する制度を利用して、自分で働き方を自由に選べる。",
      text_en: "Using the city's work and leave systems, I can freely choose how I work.",
      indicator_ja: "自分で働き方を選べると感じる職員の割合",
      indicator_en: "Share of staff who feel they can choose how they work",
      baseline: { value: 2.29, fiscal_year: BASELINE_YEAR },
      target: 2.5,
    },
    {
      code: "Q07",
      type: "agreement",
      outcome: "02",
      text_ja: "職場内に困ったときに相談できる人や相談できる窓口がある。",
      text_en: "At work there is a person or a contact point I can consult when in trouble.",
      indicator_ja: "職場内に困ったときに相談できる人・機関がある職員の割合",
      indicator_en: "Share of staff who have someone or somewhere at work to turn to when in trouble",
      baseline: { value: 2.506, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q08",
      type: "agreement",
      outcome: "03",
      text_ja: "品川区では、適材適所の人員配置がされている。",
      text_en: "The city puts the right people in the right places.",
      indicator_ja: "適材適所の人員配置がされていると感じる職員の割合",
      indicator_en: "Share of staff who feel people are placed where they fit best",
      baseline: { value: 2.024, fiscal_year: BASELINE_YEAR },
      target: 2.5,
    },
    {
      code: "Q09",
      type: "agreement",
      outcome: "03",
      text_ja: "今の職場は、自分の希望どおりの配置である。",
      text_en: "My current post is the one I asked for.",
      indicator_ja: "適材適所の人員配置がされていると感じる職員の割合",
      indicator_en: "Share of staff who feel people are placed where they fit best",
      baseline: { value: 2.557, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q10",
      type: "agreement",
      outcome: "03",
      text_ja: "今の職場では、自分の能力を活かす機会がある。",
      text_en: "In my current post I have chances to use my abilities.",
      indicator_ja: "適材適所の人員配置がされていると感じる職員の割合",
      indicator_en: "Share of staff who feel people are placed where they fit best",
      baseline: { value: 2.691, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q11",
      type: "agreement",
      outcome: "03",
      text_ja: "品川区ではDXや事業見直し等により、業務の効率化が進んでいる。",
      text_en: "Through DX and programme reviews, the city's work is becoming more efficient.",
      indicator_ja: "業務の効率化が進んでいると感じる職員の割合",
      indicator_en: "Share of staff who feel work is becoming more efficient",
      baseline: { value: 2.166, fiscal_year: BASELINE_YEAR },
      target: 2.5,
    },
    {
      code: "Q12",
      type: "agreement",
      outcome: "04",
      text_ja: "自分は職場で新たな提案や改善提案を行っている。",
      text_en: "I make new proposals or improvement proposals at work.",
      indicator_ja: "職場で業務改善や新規事業の提案を積極的にするようになったと思う職員の割合",
      indicator_en: "Share of staff who feel they now actively propose improvements or new programmes",
      baseline: { value: 2.622, fiscal_year: BASELINE_YEAR },
      // The source leaves this target cell empty; 3.000 is what the city's target rule gives.
      target: 3.0,
    },
    {
      code: "Q13",
      type: "agreement",
      outcome: "05",
      text_ja: "自分は研修に自発的に参加したり、職場外での勉強に取り組んでいる。",
      text_en: "I take part in training of my own accord or study outside work.",
      indicator_ja: "研修や自己啓発などに積極的に取り組んだ職員の割合",
      indicator_en: "Share of staff who actively took up training or self-development",
      baseline: { value: 2.505, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q14",
      type: "agreement",
      outcome: "05",
      text_ja: "自分は研修や自己啓発で学んだことが仕事に活かされている。",
      text_en: "What I learned in training or self-study is put to use in my work.",
      indicator_ja: "研修や自己啓発が仕事に活きたと感じる職員の割合",
      indicator_en: "Share of staff who feel training or self-development helped their work",
      baseline: { value: 2.741, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
    {
      code: "Q15",
      type: "agreement",
      outcome: "06",
      text_ja: "職場では上司や同僚から自分の頑張りが認められている。",
      text_en: "At work my efforts are recognised by my supervisor and colleagues.",
      indicator_ja: "職場で自分の頑張りが認められていると感じる職員の割合",
      indicator_en: "Share of staff who feel their efforts are recognised at work",
      baseline: { value: 2.628, fiscal_year: BASELINE_YEAR },
      target: 3.0,
    },
  ],
};
