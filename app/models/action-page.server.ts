import type { Db } from "~/utils/db.server";
import { type ActionScope, listActions } from "./actions.server";
import { loadSurveyDefinition } from "./surveys.server";

/** What the actions page of a survey needs: the survey, what an action may target, the units one may record for, and the actions. */
export async function actionPage(db: Db, code: string, scope: ActionScope) {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) return null;
  const { survey } = definition;
  const kpis = definition.sections
    .flatMap((section) => section.questions)
    .flatMap((question) => (question.kpi ? [{ code: question.code, indicator_ja: question.kpi.indicator_ja, indicator_en: question.kpi.indicator_en }] : []));
  const units =
    scope.kind === "all"
      ? [
          null,
          ...(await db.selectFrom("departments").select("path").where("depth", "<=", 2).orderBy("path").execute()).map((row) => row.path),
        ]
      : [...scope.units];
  return {
    survey: { code: survey.code, title_ja: survey.title_ja, title_en: survey.title_en, fiscal_year: survey.fiscal_year, status: survey.status },
    kpis,
    outcomes: definition.outcomes.map(({ code: outcomeCode, name_ja, name_en }) => ({ code: outcomeCode, name_ja, name_en })),
    units,
    actions: await listActions(db, survey.id, scope),
  };
}
