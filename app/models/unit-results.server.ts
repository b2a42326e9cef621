import { type Heatmap, type HeatmapReference, buildHeatmap } from "~/domain/survey/heatmap";
import { groupRelation } from "~/domain/survey/unit-scope";
import type { Db } from "~/utils/db.server";
import { readDisclosedResults, surveyHeading } from "./disclosed-results.server";

export interface UnitResults {
  survey: ReturnType<typeof surveyHeading>;
  unit: string;
  /**
   * "unit": the survey reports this unit or units below it; "parent": it reports only a wider unit
   * (a 課's 部), which is what is shown; "none": nothing the survey reports covers the unit.
   */
  coverage: "unit" | "parent" | "none";
  /** The ward's overall figures beside the unit's, with targets; null when figures are withheld. */
  ward: { code: string; indicator_ja: string | null; indicator_en: string | null; text_ja: string; text_en: string; mean: number | null; target: number; achieved: boolean | null; isKpi: boolean }[] | null;
  /** The unit's groups as the disclosure rules left them, against the ward or the target. */
  heatmap: Heatmap | null;
}

/**
 * One unit's results: the survey's 部/課 groups that are the unit or below it (or, when the survey
 * reports only coarser units, the one that contains it), suppressed exactly as on HR's pages —
 * suppression is decided over the whole ward's groups before any is picked out here.
 */
export async function unitResults(db: Db, code: string, unit: string, reference: HeatmapReference): Promise<UnitResults | null> {
  const disclosed = await readDisclosedResults(db, code, "department");
  if (!disclosed) return null;
  const { survey, results, figures } = disclosed;
  const groups = results.breakdown?.groups ?? [];
  const inside = groups.filter((group) => groupRelation(group.group, unit) === "inside");
  const containing = groups.filter((group) => groupRelation(group.group, unit) === "containing");
  const shown = inside.length > 0 ? inside : containing;
  return {
    survey: surveyHeading(survey),
    unit,
    coverage: inside.length > 0 ? "unit" : containing.length > 0 ? "parent" : "none",
    ward: figures
      ? results.questions.map((q) => ({
          code: q.code,
          indicator_ja: q.indicator_ja,
          indicator_en: q.indicator_en,
          text_ja: q.text_ja,
          text_en: q.text_en,
          mean: q.n >= survey.min_group_size ? q.mean : null,
          target: q.target,
          achieved: q.n >= survey.min_group_size ? q.achieved : null,
          isKpi: q.isKpi,
        }))
      : null,
    heatmap: figures ? buildHeatmap({ overall: results.questions, groups: shown, reference, minGroupSize: survey.min_group_size }) : null,
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
