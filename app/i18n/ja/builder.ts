export const builder = {
  title: "アンケートの編集",
};
