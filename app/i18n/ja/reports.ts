export const reports = {
  title: "報告書と推移",
};
