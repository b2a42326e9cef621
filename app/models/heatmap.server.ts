import { type Heatmap, type HeatmapReference, buildHeatmap } from "~/domain/survey/heatmap";
import type { ExportCell } from "~/domain/export/formula-safety";
import type { BreakdownDimension } from "~/domain/survey/suppression";
import type { Dictionary } from "~/i18n/dictionary";
import type { TableExport, TableExportContext } from "~/utils/exports.server";
import type { Db } from "~/utils/db.server";
import { readDisclosedResults, surveyHeading } from "./disclosed-results.server";

export interface SurveyHeatmap {
  survey: ReturnType<typeof surveyHeading>;
  by: BreakdownDimension;
  questions: { code: string; indicator_ja: string | null; indicator_en: string | null; text_ja: string; text_en: string }[];
  /** Null when the survey's figures are withheld (too few respondents, or still open). */
  heatmap: Heatmap | null;
}

/** Groups × questions, each cell against the ward overall or the target, as the disclosure rules allow. */
export async function surveyHeatmap(
  db: Db,
  code: string,
  by: BreakdownDimension,
  reference: HeatmapReference,
): Promise<SurveyHeatmap | null> {
  const disclosed = await readDisclosedResults(db, code, by);
  if (!disclosed) return null;
  const { survey, results, figures } = disclosed;
  return {
    survey: surveyHeading(survey),
    by,
    questions: results.questions.map(({ code: questionCode, indicator_ja, indicator_en, text_ja, text_en }) => ({
      code: questionCode,
      indicator_ja,
      indicator_en,
      text_ja,
      text_en,
    })),
    heatmap:
      figures && results.breakdown
        ? buildHeatmap({ overall: results.questions, groups: results.breakdown.groups, reference, minGroupSize: survey.min_group_size })
        : null,
  };
}

const fixed3 = (value: number | null): ExportCell => (value === null ? null : { value, decimals: 3 });

/** The heatmap as rows of cells: one row per group, a mean and a difference column per question. */
export function heatmapTable(map: SurveyHeatmap, heatmap: Heatmap, t: Dictionary): ExportCell[][] {
  const h = t.heatmap;
  const header: ExportCell[] = [t.results.breakdown.dimensions[map.by], t.results.table.respondents];
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

/** The heatmap download; null (404) when the survey has no figures to give. */
export async function heatmapExport(
  { db, survey, t }: TableExportContext,
  by: BreakdownDimension,
  reference: HeatmapReference,
): Promise<TableExport | null> {
  const map = await surveyHeatmap(db, survey.code, by, reference);
  if (!map || !map.heatmap) return null;
  return {
    rows: heatmapTable(map, map.heatmap, t),
    asciiName: `${survey.code}-heatmap-${by}-${reference}`,
    displayName: t.heatmap.fileName(survey.code, t.results.breakdown.dimensions[by]),
    sheetName: t.heatmap.sheetName,
    table: "heatmap",
    detail: { by, against: reference },
  };
}
