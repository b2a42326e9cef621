import type { Survey } from "#db/schema";
import type { BreakdownDimension } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";
import { type SurveyResults, getSurveyResults } from "./results.server";

export interface DisclosedResults {
  survey: Survey;
  results: SurveyResults;
  /** False while the survey is open or when it has fewer respondents than its minimum: show counts only. */
  figures: boolean;
}

/**
 * Where the heatmap, managers' pages and the shared-back summary read answer figures: the survey's
 * results with small groups already suppressed, and whether its figures may be shown at all.
 */
export async function readDisclosedResults(db: Db, code: string, by: BreakdownDimension | null): Promise<DisclosedResults | null> {
  const results = await getSurveyResults(db, code, by);
  if (!results) return null;
  const { survey } = results.definition;
  return { survey, results, figures: survey.status !== "open" && results.respondents >= survey.min_group_size };
}

/**
 * Each rating question's overall mean as the disclosure rules allow: none while figures are
 * withheld, and none for a question answered by fewer than the minimum.
 */
export function disclosedMeans(disclosed: DisclosedResults | null): Map<string, number | null> {
  if (!disclosed?.figures) return new Map();
  const minimum = disclosed.survey.min_group_size;
  return new Map(disclosed.results.questions.map((question) => [question.code, question.n >= minimum ? question.mean : null] as const));
}

/** What a results page says about the survey itself. */
export function surveyHeading(survey: Survey) {
  const { code, title_ja, title_en, fiscal_year, status, min_group_size } = survey;
  return { code, title_ja, title_en, fiscal_year, status, min_group_size };
}
