/** The list of open surveys, and a survey's deadline wherever it is named. */
export const surveyList = {
  listTitle: "アンケート",
  listIntro: "回答を受け付けているアンケートです。回答は一人一回です。",
  listEmpty: "現在、回答を受け付けているアンケートはありません。",
  listCaption: "回答を受け付けているアンケート",
  columns: { title: "アンケート", fiscalYear: "年度", closesOn: "回答期限", status: "回答状況" },
  answerNow: "回答する",
  answered: "回答済み",
  closesOn: (date: string) => `回答期限: ${date}`,
};
