/** A long-running import's progress page. */
export const jobs = {
  running: "取り込んでいます…",
  read: "読み込んだ行",
  checked: "確認した行",
  written: "書き込んだ行",
  progressLabel: "書き込みの進み具合",
  keepsGoing: "このページは自動で更新されます。別のページに移っても取り込みは続きます。",
  failed: "取り込みは途中で止まりました。何も変更されていません。もう一度お試しください。",
  unknown: "この取り込みの状況は見つかりませんでした（サーバーが再起動された可能性があります）。結果を一覧でご確認ください。",
};
