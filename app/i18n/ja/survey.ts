/**
 * The answering page's words. Its loader words them for the page (surveyPageWords), so no browser
 * module loads this area (list: surveyList; notices and problems: surveyNotices).
 */
export const survey = {
  answerTitle: "アンケートへの回答",
  introHeading: "はじめに",
  start: "回答をはじめる",
  next: "次へ",
  back: "戻る",
  submit: "回答を送信する",
  submitting: "送信しています…",
  progressLabel: "回答の進み具合",
  progressSection: (current: number, total: number) => `セクション ${current} / ${total}`,
  progressConfirm: "回答内容の確認",
  confirmIntro: "回答内容を確認してから送信してください。送信した回答は、後から変更できません。",
  notAnswered: "未回答",
  choiceSeparator: "、",
  tooMany: (max: number) => `選べるのは${max}個までです。`,
  restored: "前回の入力内容を復元しました。",
  clearRestored: "復元した内容を消去する",
  offlineHeld:
    "インターネットに接続されていないため、送信しませんでした。入力内容はこのブラウザに保存されています。接続を確認してから、もう一度ボタンを押してください。",
  sendFailedTitle: "送信できませんでした",
  sendFailedBody:
    "通信に失敗した可能性があります。入力内容はこのブラウザに保存されています。接続を確認してから、アンケートのページを開き直してください。",
  reopenSurvey: "アンケートのページを開き直す",
  backToList: "アンケート一覧へ戻る",
};
