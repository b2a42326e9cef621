export const common = {
  appName: "Yell",
  tagline: "職員アンケートとI・メッセージ",
  skipToContent: "本文へ移動",
  switchToOther: "English",
  signOut: "ログアウト",
  signedInAs: (name: string) => `${name} さん`,
  required: "必須",
  formHasErrors: (count: number) => `入力内容に${count}件の誤りがあります。`,
  notFoundTitle: "ページが見つかりません",
  notFoundBody: "お探しのページは見つかりませんでした。",
  forbiddenTitle: "このページを表示する権限がありません",
  forbiddenBody: "このページは人事担当者または管理者のみが利用できます。",
  errorTitle: "エラーが発生しました",
  errorBody: "時間をおいてもう一度お試しください。解決しない場合は人事担当にお問い合わせください。",
  home: "ホーム",
  /** The header's menu is worded by the root loader (area menu); its landmark's name is here. */
  mainNavigation: "メインメニュー",
};
