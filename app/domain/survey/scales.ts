/**
 * Answer scales. Bilingual labels use the database's `_ja` / `_en` column naming so rows and
 * templates pass through without mapping.
 */
export interface ScaleOption {
  value: number;
  label_ja: string;
  label_en: string;
}

/** Ordered (best first) for rating scales; for choice questions the options are nominal. */
export interface Scale {
  options: readonly ScaleOption[];
}

export const AGREEMENT_SCALE: Scale = {
  options: [
    { value: 4, label_ja: "そう思う", label_en: "Agree" },
    { value: 3, label_ja: "まあそう思う", label_en: "Somewhat agree" },
    { value: 2, label_ja: "あまりそう思わない", label_en: "Somewhat disagree" },
    { value: 1, label_ja: "そう思わない", label_en: "Disagree" },
  ],
};

export const SATISFACTION_SCALE: Scale = {
  options: [
    { value: 4, label_ja: "満足", label_en: "Satisfied" },
    { value: 3, label_ja: "どちらかといえば満足", label_en: "Somewhat satisfied" },
    { value: 2, label_ja: "どちらかといえば満足していない", label_en: "Somewhat dissatisfied" },
    { value: 1, label_ja: "満足していない", label_en: "Dissatisfied" },
  ],
};

/** Rating questions are scored 4..1 and have KPI results; the other types are reported as counts or text. */
export const RATING_QUESTION_TYPES = ["agreement", "satisfaction"] as const;
export type RatingQuestionType = (typeof RATING_QUESTION_TYPES)[number];

export const QUESTION_TYPES = [...RATING_QUESTION_TYPES, "single_choice", "multiple_choice", "free_text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const RATING_SCALES: Readonly<Record<RatingQuestionType, Scale>> = {
  agreement: AGREEMENT_SCALE,
  satisfaction: SATISFACTION_SCALE,
};

export function isRatingQuestionType(type: QuestionType): type is RatingQuestionType {
  return (RATING_QUESTION_TYPES as readonly string[]).includes(type);
}

/**
 * Folds what Excel and Japanese IMEs produce into one form: full-width digits and letters become
 * half-width (NFKC), and surrounding spaces, including the ideographic space U+3000, go.
 */
export function normaliseCell(raw: string): string {
  // Most cells of an answers file are a digit: printable ASCII without spaces is already folded,
  // and skipping NFKC for it takes a tenth off checking a file of a million rows.
  if (FOLDED_ASCII.test(raw)) return raw;
  return raw.normalize("NFKC").trim();
}

const FOLDED_ASCII = /^[\x21-\x7e]*$/;

export type ScaleCellResult =
  | { ok: true; value: number | null }
  | { ok: false; reason: "out_of_range" | "unknown_label" };

/**
 * Reads one answer cell: the option's number (half- or full-width), its Japanese label or its
 * English label (case and spacing ignored). A blank cell is no answer.
 */
export function parseScaleCell(scale: Scale, raw: string): ScaleCellResult {
  const cell = normaliseCell(raw);
  if (cell === "") return { ok: true, value: null };
  if (/^[+-]?\d+$/.test(cell)) {
    const option = scale.options.find((candidate) => candidate.value === Number(cell));
    return option ? { ok: true, value: option.value } : { ok: false, reason: "out_of_range" };
  }
  const english = cell.replace(/\s+/g, " ").toLowerCase();
  const option = scale.options.find(
    (candidate) => candidate.label_ja.normalize("NFKC") === cell || candidate.label_en.toLowerCase() === english,
  );
  return option ? { ok: true, value: option.value } : { ok: false, reason: "unknown_label" };
}
