export const nav = {
  mainNavigation: "メインメニュー",
  home: "ホーム",
  surveys: "アンケート",
  messages: "I・メッセージ",
  roster: "職員名簿",
  analytics: "活動の分析",
  rosterImport: "名簿の取り込み",
  manageSurveys: "アンケート管理",
  rounds: "360°ラウンド",
  results: "集計結果",
  admin: "管理",
  unreadBadge: (count: number) => `未読 ${count}件`,
};
