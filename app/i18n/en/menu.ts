import type { Dictionary } from "../dictionary";

/**
 * The header's menu, worded by the root loader for the signed-in person's role and counts: the
 * browser carries only the entries it shows (there is no area/menu.client).
 */
export const menu = {
  home: "Home",
  surveys: "Surveys",
  messages: "I-messages",
  roster: "Staff roster",
  analytics: "Activity",
  manageSurveys: "Manage surveys",
  rounds: "360° rounds",
  sharedResults: "Shared results",
  results: "Results",
  moderation: "Moderation",
  unreadBadge: (count: number) => `${count} unread`,
  bell: (unread: number) => (unread > 0 ? `Notifications (${unread} unread)` : "Notifications"),
} satisfies Dictionary["menu"];
