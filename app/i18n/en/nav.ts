import type { Dictionary } from "../dictionary";

export const nav = {
  mainNavigation: "Main menu",
  home: "Home",
  surveys: "Surveys",
  messages: "I-messages",
  roster: "Staff roster",
  analytics: "Activity",
  rosterImport: "Import roster",
  manageSurveys: "Manage surveys",
  rounds: "360° rounds",
  sharedResults: "Shared results",
  results: "Results",
  onboarding: "Setup letters",
  moderation: "Moderation",
  audit: "Audit log",
  admin: "Administration",
  unreadBadge: (count: number) => `${count} unread`,
  bell: (unread: number) => (unread > 0 ? `Notifications (${unread} unread)` : "Notifications"),
} satisfies Dictionary["nav"];
