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
  sharedResults: "結果の共有",
  results: "集計結果",
  admin: "管理",
};
