// Relative, not #db: Playwright loads this file too.
import { shinagawaFy2022Excerpt } from "../../db/seed/templates/shinagawa-fy2022-excerpt";

/** The FY2022 reasons for considering leaving, by age band, as the city published them (reference file, chapter III-2). */
export const FY2022_AGE_BANDS = ["29歳以下", "30歳～39歳", "40歳～49歳", "50歳以上"] as const;
export const FY2022_REASON_COUNTS: readonly { option: string; counts: readonly [number, number, number, number]; total: number }[] = [
  { option: "働き方に不満がある(テレワーク・フレックスタイムがない等)", counts: [88, 147, 71, 53], total: 359 },
  { option: "人間関係が嫌だ", counts: [66, 91, 60, 101], total: 318 },
  { option: "家庭の事情(育児、介護等)", counts: [31, 81, 48, 84], total: 244 },
  { option: "給料が少ない", counts: [94, 81, 27, 35], total: 237 },
  { option: "他にやりたい仕事があるから", counts: [48, 60, 39, 39], total: 186 },
  { option: "体調不良", counts: [33, 49, 25, 74], total: 181 },
  { option: "職場までが遠い", counts: [19, 34, 19, 17], total: 89 },
];
export const FY2022_RESPONDENTS = 2216;

const reasons = shinagawaFy2022Excerpt.sections.flatMap((s) => s.questions).find((q) => q.code === "REASONS")!.options!;
const DEPARTMENTS = ["総務部", "区民生活部", "福祉部", "都市環境部", "子ども未来部"];
const FULL_WIDTH = "０１２３４５６７８９";

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Splits one age band's picks into respondents who choose one or two distinct reasons. The picks
 * are listed option by option; every fifth respondent takes one pick, the rest pair pick j of the
 * remainder with pick j + half, which are different options as long as no option holds more than
 * half of the remainder (true of every published band, and checked).
 */
export function pickSheets(counts: readonly number[]): number[][] {
  const picks = counts.flatMap((count, index) => Array.from({ length: count }, () => index + 1));
  const singles = picks.filter((_, index) => index % 10 === 0);
  const rest = picks.filter((_, index) => index % 10 !== 0);
  if (rest.length % 2 === 1) singles.push(rest.pop()!);
  const half = rest.length / 2;
  const sheets = singles.map((value) => [value]);
  for (let j = 0; j < half; j++) {
    const pair = [rest[j]!, rest[j + half]!];
    if (pair[0] === pair[1]) throw new Error(`band cannot be split into distinct pairs: ${counts.join(",")}`);
    sheets.push(pair);
  }
  return sheets;
}

/** A cell as HR's exports write it, in turn: numbers, full-width numbers with ；, Japanese labels, English labels. */
function reasonCell(values: readonly number[], style: number): string {
  switch (style % 4) {
    case 0:
      return values.join(";");
    case 1:
      return values.map((v) => FULL_WIDTH[v]).join("；");
    case 2:
      return values.map((v) => reasons[v - 1]!.label_ja).join(";");
    default:
      return values.map((v) => reasons[v - 1]!.label_en).join("; ");
  }
}

/**
 * The FY2022 excerpt as a CSV (所属,年代,SAT,LEAVE,REASONS) of 2,216 respondents whose REASONS
 * picks per age band are exactly the published counts. Those who considered leaving answer
 * 現在検討中 or 過去に検討したことがある; the others never considered it and leave REASONS blank.
 * About three in four are satisfied, as the city reported 76.0 %.
 */
export function fy2022ReasonsCsv(): string {
  const lines = ["所属,年代,SAT,LEAVE,REASONS"];
  const rows: { band: string; sheet: number[] | null }[] = [];
  FY2022_AGE_BANDS.forEach((band, bandIndex) => {
    for (const sheet of pickSheets(FY2022_REASON_COUNTS.map((row) => row.counts[bandIndex]!))) rows.push({ band, sheet });
  });
  const considered = rows.length;
  for (let i = 0; considered + i < FY2022_RESPONDENTS; i++) rows.push({ band: FY2022_AGE_BANDS[i % 4]!, sheet: null });
  rows.forEach(({ band, sheet }, index) => {
    const satisfaction = [4, 3, 3, 2][index % 4]!;
    const leave = sheet === null ? (index % 2 === 0 ? "検討したことはない" : "3") : index % 3 === 0 ? "現在検討中" : "過去に検討したことがある";
    const reasonsCell = sheet === null ? "" : reasonCell(sheet, index);
    lines.push([DEPARTMENTS[index % DEPARTMENTS.length]!, band, String(satisfaction), leave, reasonsCell].map(csvField).join(","));
  });
  return `${lines.join("\r\n")}\r\n`;
}
