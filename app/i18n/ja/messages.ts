export const messages = {
  title: "I・メッセージ",
};
