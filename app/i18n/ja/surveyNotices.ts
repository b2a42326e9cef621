/**
 * What the server words on the answering page: problems it found in posted answers, why a survey
 * cannot be answered, and questions' hints and follow-up notes. Never loaded in the browser
 * (there is no area/surveyNotices.client).
 */
export const surveyNotices = {
  problems: {
    required: "この設問に回答してください。",
    invalid: "選択肢の中から選んでください。",
    tooLong: (max: number) => `${max}文字以内で入力してください。`,
  },
  closedTitle: "このアンケートは締め切りました",
  closedBody: "回答の受付は終了しています。ご協力ありがとうございました。",
  alreadyAnsweredTitle: "このアンケートには回答済みです",
  alreadyAnsweredBody: "ご回答いただき、ありがとうございました。回答は一人一回のため、もう一度回答することはできません。",
  thanksTitle: "ご回答ありがとうございました",
  thanksBody:
    "回答を受け付けました。回答は氏名や職員番号を付けずに保存しているため、後から変更することも、誰の回答かをたどることもできません。",
  notEligibleTitle: "このアンケートの対象ではありません",
  notEligibleBody: "ご不明な点は人事担当にお問い合わせください。",
  anonymityHeading: "匿名性について",
  anonymityGroups: (minGroupSize: number) =>
    `人事担当が見られるのは、${minGroupSize}人以上の集団の集計結果だけです。${minGroupSize}人未満の集団の結果は表示されません。`,
  anonymityStorage:
    "回答は、氏名や職員番号を付けずに保存します。「回答したこと」の記録は回答内容とは別に保存し、両者を結び付けることはできません。",
  anonymityBrowser:
    "回答途中の内容は、このブラウザの中にだけ保存されます。サーバーには送信するまで何も保存されず、送信するとブラウザからも消去されます。",
  anonymityFreeText: "自由記述欄には、ご自身や他の方が特定できる内容を書かないでください。",
  upTo: (max: number) => `${max}個まで選べます`,
  followUpNote: (code: string, labels: string[]) => `${code}で「${labels.join("」「")}」を選んだ方のみお答えください。`,
  freeTextHint: (max: number) => `${max}文字以内`,
};
