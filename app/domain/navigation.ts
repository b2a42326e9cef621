import type { Role } from "#db/schema";
import type { Dictionary } from "~/i18n/dictionary";

type MenuWords = Dictionary["menu"];
type MenuKey = { [K in keyof MenuWords]: MenuWords[K] extends string ? K : never }[keyof MenuWords];

/** One entry of the header's menu, worded; the I-messages entry carries the unread count. */
export interface MenuItem {
  to: string;
  label: string;
  unread?: { count: number; label: string };
}

/** Which pages each role sees in the menu; the server checks the same roles on every request. */
const NAV_ITEMS: { to: string; label: MenuKey; roles: readonly Role[] }[] = [
  { to: "/", label: "home", roles: ["staff", "hr", "admin"] },
  { to: "/surveys", label: "surveys", roles: ["staff", "hr", "admin"] },
  { to: "/messages", label: "messages", roles: ["staff", "hr", "admin"] },
  { to: "/shared-results", label: "sharedResults", roles: ["staff", "hr", "admin"] },
  { to: "/manage/surveys", label: "manageSurveys", roles: ["hr", "admin"] },
  { to: "/manage/rounds", label: "rounds", roles: ["hr", "admin"] },
  { to: "/results", label: "results", roles: ["hr", "admin"] },
  { to: "/manage/analytics", label: "analytics", roles: ["hr", "admin"] },
  { to: "/roster", label: "roster", roles: ["hr", "admin"] },
  { to: "/manage/moderation", label: "moderation", roles: ["admin"] },
];

/** The header's words for one signed-in person: their role's menu, and the bell's name. */
export interface HeaderWords {
  menu: MenuItem[];
  bell: string;
}

/**
 * Chosen and worded by the root loader: the browser gets this person's menu entries and counts as
 * text, not every role's table and words.
 */
export function headerWords(role: Role, counts: { unread: number; notifications: number }, t: Dictionary): HeaderWords {
  const { unread, notifications } = counts;
  const menu = NAV_ITEMS.filter((item) => item.roles.includes(role)).map(({ to, label }) => ({
    to,
    label: t.menu[label],
    ...(to === "/messages" && unread > 0 ? { unread: { count: unread, label: t.menu.unreadBadge(unread) } } : {}),
  }));
  return { menu, bell: t.menu.bell(notifications) };
}
