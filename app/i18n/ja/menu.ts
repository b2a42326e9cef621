/**
 * The header's menu, worded by the root loader for the signed-in person's role and counts: the
 * browser carries only the entries it shows (there is no area/menu.client).
 */
export const menu = {
  home: "ホーム",
  surveys: "アンケート",
  messages: "I・メッセージ",
  roster: "職員名簿",
  analytics: "活動の分析",
  manageSurveys: "アンケート管理",
  rounds: "360°ラウンド",
  sharedResults: "結果の共有",
  results: "集計結果",
  moderation: "通報の確認",
  unreadBadge: (count: number) => `未読 ${count}件`,
  bell: (unread: number) => (unread > 0 ? `お知らせ（未読${unread}件）` : "お知らせ"),
};
