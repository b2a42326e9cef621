import { z } from "zod";

/** How many questions the trend chart draws unless the reader picks. */
export const DEFAULT_TREND_LINES = 3;

const questionCodes = z.array(z.string().regex(/^[A-Za-z0-9_-]{1,20}$/)).max(40);

/** `?q=Q01&q=Q08` of the trend page: the questions to draw, kept to those the survey has; the first few when none (or nothing valid) is given. */
export function selectedTrendQuestions(url: URL, available: readonly string[]): string[] {
  const parsed = questionCodes.safeParse(url.searchParams.getAll("q"));
  const picked = parsed.success ? available.filter((code) => parsed.data.includes(code)) : [];
  return picked.length > 0 ? picked : available.slice(0, DEFAULT_TREND_LINES);
}
