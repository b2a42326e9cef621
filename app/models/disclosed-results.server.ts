import type { Survey } from "#db/schema";
import type { ResultFigures } from "./results.server";

/**
 * Each rating question's overall mean as the disclosure gate gave it (getSurveyResults' figures):
 * none at all while the survey is open or under its minimum (no figures), none for a question the
 * gate withheld for too few respondents of its own.
 */
export function disclosedMeans(figures: ResultFigures | null): Map<string, number | null> {
  if (!figures) return new Map();
  return new Map(figures.questions.map((question) => [question.code, question.withheld ? null : question.mean] as const));
}

/** What a results page says about the survey itself. */
export function surveyHeading(survey: Survey) {
  const { code, title_ja, title_en, fiscal_year, status, min_group_size } = survey;
  return { code, title_ja, title_en, fiscal_year, status, min_group_size };
}
