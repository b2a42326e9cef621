import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { seededRandom, syntheticAnswerSheets } from "~/domain/survey/synthetic";

const QUESTION_CODES = shinagawaFy2023.questions.map((q) => q.code);
const LABELS: Record<number, string> = { 4: "そう思う", 3: "まあそう思う", 2: "あまりそう思わない", 1: "そう思わない" };
const FULL_WIDTH_DIGITS = "０１２３４";

/**
 * A CSV as HR might export it from Forms: 1,736 answer sheets whose means are the published
 * FY2023 baselines, cells written as digits, full-width digits or the Japanese labels in turn.
 */
export function fy2023ResultsCsv(): string {
  const sheets = syntheticAnswerSheets(
    shinagawaFy2023.questions.map((q) => ({ code: q.code, mean: q.baseline.value })),
    shinagawaFy2023.baseline_respondents,
    seededRandom(7),
  );
  const lines = [["所属", "年代", ...QUESTION_CODES].join(",")];
  sheets.forEach((sheet, index) => {
    const cells = QUESTION_CODES.map((code, column) => {
      const value = sheet[code]!;
      const style = (index + column) % 3;
      return style === 0 ? String(value) : style === 1 ? FULL_WIDTH_DIGITS[value]! : LABELS[value]!;
    });
    lines.push([index % 2 === 0 ? "総務部" : "区民生活部", index % 4 < 2 ? "29歳以下" : "50歳以上", ...cells].join(","));
  });
  return `${lines.join("\r\n")}\r\n`;
}

/** Rows of Q01 answers only, in the given groups (all other questions blank). */
export function groupedCsv(groups: Record<string, number>): string {
  const lines = [["所属", ...QUESTION_CODES].join(",")];
  for (const [group, count] of Object.entries(groups)) {
    for (let i = 0; i < count; i++) lines.push([group, String(1 + (i % 4)), ...QUESTION_CODES.slice(1).map(() => "")].join(","));
  }
  return `${lines.join("\n")}\n`;
}
