import type { WithheldReason } from "~/domain/survey/disclosure";
import type { ExportCell } from "~/domain/export/formula-safety";
import { type Heatmap, type HeatmapReference, buildHeatmap } from "~/domain/survey/heatmap";
import type { BreakdownDimension } from "~/domain/survey/suppression";
import type { Dictionary } from "~/i18n/dictionary";
import type { Db } from "~/utils/db.server";
import { surveyHeading } from "./disclosed-results.server";
import { describeRatingQuestions, getSurveyResults } from "./results.server";

export interface SurveyHeatmap {
  survey: ReturnType<typeof surveyHeading>;
  by: BreakdownDimension;
  questions: { code: string; indicator_ja: string | null; indicator_en: string | null; text_ja: string; text_en: string }[];
  /** Null when the disclosure gate gives no figures (see `withheld`). */
  heatmap: Heatmap | null;
  withheld: WithheldReason | null;
}

/**
 * Groups × questions, each cell against the ward overall or the target, from the figures the
 * disclosure gate gives for that breakdown (the groups are those the survey's responses store,
 * fixed when it opened): nothing while open or under the minimum, suppressed groups and withheld
 * cells marked hidden.
 */
export async function surveyHeatmap(db: Db, code: string, by: BreakdownDimension, reference: HeatmapReference): Promise<SurveyHeatmap | null> {
  const results = await getSurveyResults(db, code, by);
  if (!results) return null;
  const { figures } = results;
  return {
    survey: surveyHeading(results.definition.survey),
    by,
    questions: describeRatingQuestions(results.definition).map(({ code: questionCode, indicator_ja, indicator_en, text_ja, text_en }) => ({
      code: questionCode,
      indicator_ja,
      indicator_en,
      text_ja,
      text_en,
    })),
    heatmap: figures?.breakdown ? buildHeatmap({ overall: figures.questions, groups: figures.breakdown.groups, reference }) : null,
    withheld: results.withheld,
  };
}

const fixed3 = (value: number | null): ExportCell => (value === null ? null : { value, decimals: 3 });

/** The heatmap as rows of cells: one row per group, a mean and a difference column per question. */
export function heatmapTable(by: BreakdownDimension, heatmap: Heatmap, t: Dictionary): ExportCell[][] {
  const h = t.heatmap;
  const header: ExportCell[] = [t.results.breakdown.dimensions[by], t.results.table.respondents];
  for (const question of heatmap.questions) header.push(h.meanColumn(question.code), h.differenceColumn(question.code));
  const referenceRow: ExportCell[] = [h.referenceNames[heatmap.reference], null];
  for (const question of heatmap.questions) referenceRow.push(fixed3(question.reference), null);
  const rows = heatmap.rows.map((row) => {
    const cells: ExportCell[] = [row.group, row.respondents];
    for (const cell of row.cells) {
      if (cell.hidden) cells.push(h.hidden, h.hidden);
      else cells.push(fixed3(cell.mean), fixed3(cell.difference));
    }
    return cells;
  });
  return [header, referenceRow, ...rows];
}
