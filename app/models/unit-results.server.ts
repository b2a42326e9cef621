import type { WithheldReason } from "~/domain/survey/disclosure";
import { type Heatmap, type HeatmapReference, buildHeatmap } from "~/domain/survey/heatmap";
import { groupRelation } from "~/domain/survey/unit-scope";
import type { Db } from "~/utils/db.server";
import { surveyHeading } from "./disclosed-results.server";
import { getSurveyResults } from "./results.server";

export interface WardQuestion {
  code: string;
  indicator_ja: string | null;
  indicator_en: string | null;
  text_ja: string;
  text_en: string;
  /** Null when the gate withheld the question (too few respondents to it). */
  mean: number | null;
  /** Null for a question that is not a KPI. */
  target: number | null;
  achieved: boolean | null;
  isKpi: boolean;
  withheld: boolean;
}

export interface UnitResults {
  survey: ReturnType<typeof surveyHeading>;
  unit: string;
  /**
   * "unit": the survey reports this unit or units below it; "parent": it reports only a wider unit
   * (a 課's 部), which is what is shown; "none": nothing the survey reports covers the unit (its
   * staff's department may have been withheld as 非公表 when the survey opened).
   */
  coverage: "unit" | "parent" | "none";
  /** The ward's overall figures beside the unit's, with targets; null when the gate gives no figures. */
  ward: WardQuestion[] | null;
  /** The unit's groups as the disclosure gate gave them, against the ward or the target. */
  heatmap: Heatmap | null;
  withheld: WithheldReason | null;
}

/**
 * One unit's results: of the 部/課 groups the survey's responses store (fixed when it opened), the
 * ones that are the unit or below it (or, when the survey reports only coarser units, the one that
 * contains it), exactly as the disclosure gate gave them for the whole ward — suppression is decided
 * over all the ward's groups before any is picked out here, and groups are never summed.
 */
export async function unitResults(db: Db, code: string, unit: string, reference: HeatmapReference): Promise<UnitResults | null> {
  const results = await getSurveyResults(db, code, "department");
  if (!results) return null;
  const { figures } = results;
  const groups = figures?.breakdown?.groups ?? [];
  const inside = groups.filter((group) => groupRelation(group.group, unit) === "inside");
  const containing = groups.filter((group) => groupRelation(group.group, unit) === "containing");
  return {
    survey: surveyHeading(results.definition.survey),
    unit,
    coverage: inside.length > 0 ? "unit" : containing.length > 0 ? "parent" : "none",
    ward: figures
      ? figures.questions.map((q) => ({
          code: q.code,
          indicator_ja: q.indicator_ja,
          indicator_en: q.indicator_en,
          text_ja: q.text_ja,
          text_en: q.text_en,
          mean: q.withheld ? null : q.mean,
          target: q.target,
          achieved: q.withheld ? null : q.achieved,
          isKpi: q.isKpi,
          withheld: q.withheld,
        }))
      : null,
    heatmap: figures ? buildHeatmap({ overall: figures.questions, groups: inside.length > 0 ? inside : containing, reference }) : null,
    withheld: results.withheld,
  };
}

/** Closed surveys, newest first, for a unit head's list of their units' results. */
export async function closedSurveys(db: Db) {
  return db
    .selectFrom("surveys")
    .select(["code", "title_ja", "title_en", "fiscal_year"])
    .where("status", "=", "closed")
    .orderBy("fiscal_year", "desc")
    .orderBy("id", "desc")
    .execute();
}
