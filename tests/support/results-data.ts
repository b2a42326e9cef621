import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromPrevious, createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";

import { requestAs, responseOf } from "./requests";

const actor = { id: null, label: "test" };

/** Respondents per group: [department, how many, the value each gives every question]. */
export type GroupAnswers = [department: string, count: number, value: 1 | 2 | 3 | 4][];

/**
 * A closed survey of the city's 15 KPI questions holding imported answers, one group per entry;
 * with `previous`, it follows that survey in the series.
 */
export async function closedSurveyWithAnswers(
  db: Kysely<Database>,
  code: string,
  fiscalYear: number,
  groups: GroupAnswers,
  options: { previous?: string; answers?: (question: string, value: number) => number } = {},
) {
  if (options.previous) await createSurveyFromPrevious(db, options.previous, { code, fiscalYear }, actor);
  else await createSurveyFromTemplate(db, shinagawaFy2023.code, { code, fiscalYear }, actor);
  const definition = (await loadSurveyDefinition(db, code))!;
  await importResponses(
    db,
    definition,
    groups.flatMap(([department, count, value]) =>
      Array.from({ length: count }, () => ({
        groups: { department, job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" },
        answers: Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, options.answers ? options.answers(q.code, value) : value])),
      })),
    ),
    actor,
  );
  await setSurveyStatus(db, code, "closed", actor);
  return definition;
}

type RouteFunction = (args: LoaderFunctionArgs) => unknown;

/** Runs a loader or action as a signed-in person and returns the Response it answered or threw. */
export async function callAs(
  db: Kysely<Database>,
  route: RouteFunction,
  staffId: number | null,
  path: string,
  params: Record<string, string>,
  init: RequestInit = {},
): Promise<Response> {
  const request = await requestAs(db, staffId, path, init);
  return responseOf(async () => route({ request, params, context: {} }));
}

/** A POSTed form, as the browser sends it (repeated names for checkboxes). */
export function formPost(fields: [string, string][]): RequestInit {
  const body = new URLSearchParams(fields);
  return { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } };
}
