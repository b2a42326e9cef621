import type { Dictionary } from "../dictionary";

export const nav = {
  mainNavigation: "Main menu",
  home: "Home",
  surveys: "Surveys",
  messages: "I-messages",
  roster: "Staff roster",
  rosterImport: "Import roster",
  manageSurveys: "Manage surveys",
  results: "Results",
  admin: "Administration",
} satisfies Dictionary["nav"];
