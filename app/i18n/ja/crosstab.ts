export const crosstab = {
  title: "クロス集計",
};
