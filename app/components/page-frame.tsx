import type { ReactNode } from "react";
import type { Locale } from "~/i18n/dictionary";
import { AppHeader, type HeaderUser } from "./app-header";

/** What frames a page, worded on the server by pageFrame (page-frame.server). */
export interface PageFrameData {
  /** The page's language, for titles (meta functions see loader data, not React context). */
  locale: Locale;
  user: HeaderUser | null;
  passwordResetNotice: string | null;
}

/** The header, and the main landmark the skip link leads to, around a page's content. */
export function PageFrame({ frame, children }: { frame: PageFrameData | null; children: ReactNode }) {
  return (
    <>
      <AppHeader user={frame?.user ?? null} />
      <main id="main" tabIndex={-1}>
        {frame?.passwordResetNotice ? (
          <p className="notice" role="status">
            {frame.passwordResetNotice}
          </p>
        ) : null}
        {children}
      </main>
    </>
  );
}
