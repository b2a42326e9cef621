export const rounds = {
  title: "360°ラウンド",
};
