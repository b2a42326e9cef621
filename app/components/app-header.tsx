import "~/i18n/area/common.client";
import { Form, NavLink, useLocation } from "@remix-run/react";
import type { Role } from "#db/schema";
import type { Dictionary } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";

interface HeaderUser {
  name: string;
  role: Role;
}

type NavWords = Dictionary["common"]["nav"];
/** The menu labels (the menu's words also hold the unread badge, a function). */
type NavKey = { [K in keyof NavWords]: NavWords[K] extends string ? K : never }[keyof NavWords];

/** Which pages each role sees in the menu; the server checks the same roles on every request. */
const NAV_ITEMS: { to: string; label: NavKey; roles: readonly Role[] }[] = [
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

/**
 * `unread` is the signed-in person's unread I-messages, shown beside the I-messages link;
 * `notifications` their unread notifications, on the bell.
 */
export function AppHeader({ user, unread = 0, notifications = 0 }: { user: HeaderUser | null; unread?: number; notifications?: number }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="app-header">
      <div className="brand">
        <a href="/" className="brand-name">
          {t.common.appName}
        </a>
        <span className="brand-tagline">{t.common.tagline}</span>
      </div>
      {user ? (
        <nav aria-label={t.common.nav.mainNavigation}>
          <ul className="nav-list">
            {NAV_ITEMS.filter((item) => item.roles.includes(user.role)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end>
                  {t.common.nav[item.label]}
                  {item.to === "/messages" && unread > 0 ? (
                    <>
                      {" "}
                      <span className="nav-badge">
                        <span aria-hidden="true">{unread}</span>
                        <span className="visually-hidden">{t.common.nav.unreadBadge(unread)}</span>
                      </span>
                    </>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="header-tools">
        {/* A full page load: the browser holds only the current language's words. */}
        <Form method="post" action="/language" className="inline-form" reloadDocument>
          <input type="hidden" name="locale" value={locale === "ja" ? "en" : "ja"} />
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" className="link-button" lang={locale === "ja" ? "en" : "ja"}>
            {t.common.switchToOther}
          </button>
        </Form>
        {user ? (
          <>
            <NavLink to="/notifications" className="bell" aria-label={t.common.nav.bell(notifications)}>
              <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
                <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
              </svg>
              {notifications > 0 ? (
                <span className="nav-badge bell-count" aria-hidden="true">
                  {notifications}
                </span>
              ) : null}
            </NavLink>
            <span className="signed-in-as">{t.common.signedInAs(user.name)}</span>
            <Form method="post" action="/logout" className="inline-form">
              <button type="submit" className="link-button">
                {t.common.signOut}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </header>
  );
}
