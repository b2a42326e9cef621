export const trendChart = {
  chooseHeading: "グラフに表示する設問",
  choose: "表示",
  chartSummary: (questions: string, years: number) =>
    `${questions}の平均値の${years}年度分の推移を、設問ごとの折れ線で示したグラフです。点線は各設問の目標値です。同じ数値を表でも示しています。`,
  yearAxis: "年度",
  targetOf: (code: string) => `${code} 目標値`,
};
