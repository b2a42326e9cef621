/**
 * The heatmap: groups (units, job levels, age bands, employment types) × rating questions, each
 * cell a group's mean compared with a reference — the ward's overall mean or the KPI's target.
 * Differences are worked in integer thousandths, like the KPI maths, so a band edge (0.050) is
 * judged exactly.
 */
import { toThousandths } from "./kpi";

export const HEATMAP_REFERENCES = ["overall", "target"] as const;
export type HeatmapReference = (typeof HEATMAP_REFERENCES)[number];

/** −3 (far below) … 0 (about the same) … +3 (far above). */
export type HeatBand = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/** Band edges in thousandths of a scale point: under 0.050 is "about the same". */
const BAND_EDGES = [50, 150, 300] as const;

/**
 * A diverging scale, blue above and orange below (told apart with red–green colour blindness),
 * each darker the further from the reference. Text colour keeps 4.5:1 contrast on every step.
 */
const BACKGROUNDS: Record<HeatBand, string> = {
  [-3]: "#b35806",
  [-2]: "#f1a340",
  [-1]: "#fee0b6",
  0: "#f7f7f7",
  1: "#d8daeb",
  2: "#998ec3",
  3: "#542788",
};

export interface HeatColour {
  band: HeatBand;
  background: string;
  foreground: string;
}

/** The band of a difference (group mean − reference, in scale points); null without a figure. */
export function heatBand(difference: number | null): HeatBand | null {
  if (difference === null) return null;
  const thousandths = toThousandths(difference);
  const size = Math.abs(thousandths);
  const steps = BAND_EDGES.filter((edge) => size >= edge).length as 0 | 1 | 2 | 3;
  return (thousandths < 0 && steps > 0 ? -steps : steps) as HeatBand;
}

/** The cell colours for a difference; null (hidden or no answers) has no colour. */
export function heatColour(difference: number | null): HeatColour | null {
  const band = heatBand(difference);
  if (band === null) return null;
  return { band, background: BACKGROUNDS[band], foreground: Math.abs(band) === 3 ? "#ffffff" : "#1a1a1a" };
}

/** Every band from far below to far above, for the legend. */
export const HEAT_BANDS: readonly HeatBand[] = [-3, -2, -1, 0, 1, 2, 3];
export const HEAT_BAND_EDGES: readonly number[] = BAND_EDGES.map((edge) => edge / 1000);

export interface HeatmapQuestionInput {
  code: string;
  mean: number | null;
  /** Null for a rating question that is not a KPI: it has no target to compare with. */
  target: number | null;
  /** The disclosure gate gave no figure for it (too few respondents to it, overall or in the group). */
  withheld: boolean;
}

export type HeatmapGroupInput =
  | { group: string; suppressed: false; respondents: number; questions: readonly HeatmapQuestionInput[] }
  | { group: string; suppressed: true };

export type HeatmapCell =
  | { hidden: true }
  | { hidden: false; mean: number | null; difference: number | null; colour: HeatColour | null };

export interface HeatmapRow {
  group: string;
  /** Null for a hidden group: not even its size is shown. */
  respondents: number | null;
  cells: HeatmapCell[];
}

export interface Heatmap {
  reference: HeatmapReference;
  questions: { code: string; reference: number | null }[];
  rows: HeatmapRow[];
}

function difference(mean: number | null, reference: number | null): number | null {
  if (mean === null || reference === null) return null;
  return (toThousandths(mean) - toThousandths(reference)) / 1000;
}

/**
 * The heatmap from the overall results and the groups exactly as the disclosure gate gave them: it
 * decides nothing about who may be shown, it only marks what the gate withheld. A suppressed group
 * is a row of hidden cells; within a shown group, a question the gate withheld is a hidden cell. A
 * question withheld overall has no overall mean to compare with; one that is not a KPI, no target.
 */
export function buildHeatmap(input: {
  overall: readonly HeatmapQuestionInput[];
  groups: readonly HeatmapGroupInput[];
  reference: HeatmapReference;
}): Heatmap {
  const questions = input.overall.map((question) => ({
    code: question.code,
    reference: input.reference === "overall" ? (question.withheld ? null : question.mean) : question.target,
  }));
  const rows = input.groups.map((group): HeatmapRow => {
    if (group.suppressed) return { group: group.group, respondents: null, cells: questions.map(() => ({ hidden: true }) as const) };
    const byCode = new Map(group.questions.map((question) => [question.code, question]));
    return {
      group: group.group,
      respondents: group.respondents,
      cells: questions.map((question): HeatmapCell => {
        const cell = byCode.get(question.code);
        if (!cell || cell.withheld) return { hidden: true };
        const diff = difference(cell.mean, question.reference);
        return { hidden: false, mean: cell.mean, difference: diff, colour: heatColour(diff) };
      }),
    };
  });
  return { reference: input.reference, questions, rows };
}
