export const unitResults = {
  listTitle: "所属の集計結果",
  listIntro: "部長・課長（または人事課が指定した人）は、担当する組織とその下の組織の結果を、区全体の結果や目標値と並べて見られます。回答者が少ない区分は人事課の画面と同じく表示しません。",
  noSurveys: "終了したアンケートはまだありません。",
  yourUnits: "担当する組織",
  title: (unit: string) => `${unit}の集計結果`,
  backToList: "所属の集計結果の一覧に戻る",
  coverageParent:
    "このアンケートは部単位で集計しているため、担当する組織を含む部の結果を表示しています。",
  coverageNone: "このアンケートには、担当する組織の集計区分がありません。",
  wardHeading: "区全体の結果と目標値",
  wardCaption: "設問ごとの区全体の平均値と目標値",
  unitHeading: "担当する組織の結果",
  noFigures: "このアンケートは回答中か回答者が少ないため、集計結果を表示できません。",
  actionsLink: "この組織の取組を記録・確認する",
};
