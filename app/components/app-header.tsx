import "~/i18n/area/common.client";
import { Form, NavLink, useLocation } from "@remix-run/react";
import type { HeaderWords } from "~/domain/navigation";
import { useLocale, useT } from "~/i18n/use-t";

/** The signed-in person as the root loader words the header for them (headerWords). */
export interface HeaderUser extends HeaderWords {
  name: string;
  notifications: number;
}

export function AppHeader({ user }: { user: HeaderUser | null }) {
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
        <nav aria-label={t.common.mainNavigation}>
          <ul className="nav-list">
            {user.menu.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end>
                  {item.label}
                  {item.unread ? (
                    <>
                      {" "}
                      <span className="nav-badge">
                        <span aria-hidden="true">{item.unread.count}</span>
                        <span className="visually-hidden">{item.unread.label}</span>
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
            {/* The bell is drawn by the stylesheet (.bell::before), not carried by every page's script. */}
            <NavLink to="/notifications" className="bell" aria-label={user.bell}>
              {user.notifications > 0 ? (
                <span className="nav-badge bell-count" aria-hidden="true">
                  {user.notifications}
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
