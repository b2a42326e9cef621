export const heatmap = {
  title: "ヒートマップ",
  intro:
    "属性ごとの設問別平均値を、区全体の平均値または目標値との差で色分けしています。色だけでなく、差を符号付きの数値と記号（▲上回る・▼下回る）でも示します。",
  backToResults: "結果に戻る",
  by: "集計の切り口",
  against: "比較の基準",
  referenceNames: { overall: "区全体の平均値", target: "目標値" },
  show: "表示",
  caption: (dimension: string, reference: string) => `${dimension}別の設問ごとの平均値（${reference}との差で色分け）`,
  referenceRow: (reference: string) => `基準：${reference}`,
  hidden: "非表示",
  hiddenCell: "回答者が少ないため非表示",
  noAnswers: "回答なし",
  above: "上回る",
  below: "下回る",
  aboutSame: "ほぼ同じ",
  cellLabel: (mean: string, difference: string, direction: string) => `平均値 ${mean}（差 ${difference}、${direction}）`,
  legendHeading: "色の見方",
  legend: (band: number, edges: readonly number[]) => {
    const size = Math.abs(band);
    if (size === 0) return `差が ${edges[0]?.toFixed(3)} 未満（ほぼ同じ）`;
    const low = edges[size - 1]?.toFixed(3);
    const high = edges[size]?.toFixed(3);
    const range = high ? `${low} 以上 ${high} 未満` : `${low} 以上`;
    return `${band > 0 ? "▲ 上回る" : "▼ 下回る"}：差が ${range}`;
  },
  suppressionRule: (minimum: number) =>
    `回答者が${minimum}人未満の区分と、その区分を差し引きで割り出せないよう非表示にした区分は、すべてのセルを「非表示」とします。区分の中でも、回答者が${minimum}人未満の設問は非表示です。`,
  nothingToShow: "この集計区分で表示できる結果はありません。",
  csv: "ヒートマップ（CSV）",
  xlsx: "ヒートマップ（Excel形式 XLSX）",
  meanColumn: (code: string) => `${code} 平均値`,
  differenceColumn: (code: string) => `${code} 差`,
  fileName: (code: string, dimension: string) => `${code}_ヒートマップ_${dimension}別`,
  sheetName: "ヒートマップ",
  invalidQuery: "集計の切り口または比較の基準の指定が正しくありません。",
  link: "ヒートマップ（属性×設問）",
};
