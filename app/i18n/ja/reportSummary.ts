export const reportSummary = {
  furthestBelow: (items: string) => `目標値との差が大きいKPI：${items}。`,
  mostImproved: (items: string) => `基準値から大きく上がったKPI：${items}。`,
  gap: (code: string, gap: string) => `${code}（目標まで ${gap}）`,
  change: (code: string, change: string) => `${code}（${change}）`,
  finalOutcome: (status: string) => `最終アウトカムの積み上げ判定：${status}。`,
  publishedHeading: "職員に公開した概要",
  heatmapHeading: "所属（部・課）別のヒートマップ",
};
