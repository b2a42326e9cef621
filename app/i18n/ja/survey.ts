export const survey = {
  listTitle: "アンケート",
};
