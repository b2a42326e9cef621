/**
 * A cell of an exported table. Numbers stay numbers (a negative number is not a formula);
 * FixedDecimal shows a value with a fixed number of decimals (KPI means as 3.000), and expects a
 * value already rounded to them, as KPI values are.
 */
export type ExportCell = string | number | FixedDecimal | null;

export interface FixedDecimal {
  value: number;
  decimals: number;
}

/**
 * Spreadsheets run text that starts with these as a formula when a CSV is opened (CSV/formula
 * injection). Excel also reads the full-width forms a Japanese IME types as the half-width ones.
 */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]);

export function startsLikeFormula(text: string): boolean {
  return FORMULA_TRIGGERS.has(text.charAt(0));
}

/** A leading apostrophe makes the spreadsheet show the text as it is instead of evaluating it. */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
