import type { ExportCell } from "~/domain/export/formula-safety";
import type { Dictionary, Locale } from "~/i18n/dictionary";
import type { ScaleOption } from "./scales";

/** Counts of one population (everyone, or one group): who answered the question, and picks per option value. */
export interface CrosstabCounts {
  /** Respondents who answered the question. */
  respondents: number;
  /** Picks per option value (for a single choice, one per respondent). */
  counts: Readonly<Record<number, number>>;
}

export interface CrosstabGroupInput extends CrosstabCounts {
  name: string;
}

export interface CrosstabInput {
  options: readonly ScaleOption[];
  overall: CrosstabCounts;
  /** Groups the disclosure gate shows, in display order. */
  groups: readonly CrosstabGroupInput[];
  /** Groups the disclosure gate withholds (names only). */
  suppressed: readonly string[];
}

export interface CrosstabRow {
  value: number;
  label_ja: string;
  label_en: string;
  /** Shown groups only. */
  counts: Record<string, number>;
  /** Everyone who picked the option, including people in hidden groups or in no group. */
  total: number;
  /** total / respondents who answered, as a fraction rounded half-up to 0.001. */
  shareOfRespondents: number | null;
  /** total / all picks (equal to shareOfRespondents for a single choice). */
  shareOfPicks: number | null;
  /** Per shown group: count / the group's respondents. */
  groupShares: Record<string, number | null>;
}

export interface Crosstab {
  /** Shown groups, in the order given. */
  groups: string[];
  /** Groups withheld by the minimum group size (names only). */
  suppressed: string[];
  respondents: { total: number; byGroup: Record<string, number> };
  picks: { total: number; byGroup: Record<string, number> };
  rows: CrosstabRow[];
}

/** part / whole as a fraction rounded half-up to 0.001, from integers (as the KPI maths rounds). */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 2000 + whole) / (2 * whole)) / 1000;
}

const sumOf = (counts: Readonly<Record<number, number>>, options: readonly ScaleOption[]) =>
  options.reduce((sum, option) => sum + (counts[option.value] ?? 0), 0);

/**
 * One choice question by one respondent attribute: per option, how many picked it in each group
 * and overall, with shares of the respondents who answered and of all picks. Which groups are
 * shown is the disclosure gate's decision (app/models/disclosure.server.ts); a hidden group keeps
 * only its name.
 */
export function buildCrosstab(input: CrosstabInput): Crosstab {
  const { options, overall, groups: shown } = input;
  const suppressed = [...input.suppressed];
  const overallPicks = sumOf(overall.counts, options);

  return {
    groups: shown.map((group) => group.name),
    suppressed,
    respondents: {
      total: overall.respondents,
      byGroup: Object.fromEntries(shown.map((group) => [group.name, group.respondents])),
    },
    picks: {
      total: overallPicks,
      byGroup: Object.fromEntries(shown.map((group) => [group.name, sumOf(group.counts, options)])),
    },
    rows: options.map((option) => {
      const total = overall.counts[option.value] ?? 0;
      return {
        value: option.value,
        label_ja: option.label_ja,
        label_en: option.label_en,
        counts: Object.fromEntries(shown.map((group) => [group.name, group.counts[option.value] ?? 0])),
        total,
        shareOfRespondents: shareOf(total, overall.respondents),
        shareOfPicks: shareOf(total, overallPicks),
        groupShares: Object.fromEntries(shown.map((group) => [group.name, shareOf(group.counts[option.value] ?? 0, group.respondents)])),
      };
    }),
  };
}

/** The CLI's JSON: option labels in Japanese; "suppressed" appears only when a group is withheld. */
export function crosstabJson(questionCode: string, by: string, crosstab: Crosstab) {
  return {
    question: questionCode,
    by,
    groups: crosstab.groups,
    ...(crosstab.suppressed.length > 0 ? { suppressed: crosstab.suppressed } : {}),
    rows: crosstab.rows.map((row) => ({ option: row.label_ja, counts: row.counts, total: row.total })),
  };
}

const fixed3 = (value: number | null): ExportCell => (value === null ? null : { value, decimals: 3 });

/**
 * The cross-tab as rows of cells for CSV and XLSX, headers in the reader's language: one row per
 * option (counts per shown group, total, shares as fractions to 3 decimals), then the respondents
 * per group, then one row per hidden group saying so and carrying no figure.
 */
export function crosstabTable(crosstab: Crosstab, t: Dictionary, locale: Locale): ExportCell[][] {
  const c = t.crosstab;
  const header: ExportCell[] = [c.option, ...crosstab.groups, c.total, c.shareOfRespondents, c.shareOfPicks];
  const rows: ExportCell[][] = [header];
  for (const row of crosstab.rows) {
    rows.push([
      locale === "ja" ? row.label_ja : row.label_en,
      ...crosstab.groups.map((group) => row.counts[group] ?? 0),
      row.total,
      fixed3(row.shareOfRespondents),
      fixed3(row.shareOfPicks),
    ]);
  }
  rows.push([c.respondents, ...crosstab.groups.map((group) => crosstab.respondents.byGroup[group] ?? 0), crosstab.respondents.total, null, null]);
  for (const name of crosstab.suppressed) rows.push([c.suppressedGroup(name)]);
  return rows;
}
