export const roster = {
  title: "職員名簿",
};
