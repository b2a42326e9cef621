import type { HeaderUser } from "~/components/app-header";
import type { PageFrameData } from "~/components/page-frame";
import { formatDateTime } from "~/domain/dates";
import { headerWords } from "~/domain/navigation";
import { type Locale, dictionaryFor } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { bellCounts } from "~/models/bell.server";
import type { SessionUser } from "~/models/session.server";
import { getUser } from "./auth.server";
import { getDb } from "./db.server";

/**
 * What the header shows of the signed-in person, worded here: their name, their role's menu and
 * the unread counts. Nothing else of the session goes to the browser.
 */
async function headerFor(user: SessionUser, locale: Locale): Promise<HeaderUser> {
  const counts = await bellCounts(getDb(), user.id);
  return { name: user.name, ...headerWords(user.role, counts, dictionaryFor(locale)), notifications: counts.notifications };
}

/** The frame of a page (PageFrame) for whoever sent the request, signed in or not. */
export async function pageFrame(request: Request): Promise<PageFrameData> {
  const [locale, user] = await Promise.all([getLocale(request), getUser(request)]);
  // Worded here, so that every page's browser bundle need not carry the sign-in texts for a rare notice.
  const passwordResetNotice = user?.passwordReset
    ? dictionaryFor(locale).auth.passwordReset(user.passwordReset.by, formatDateTime(user.passwordReset.at, locale))
    : null;
  const header = user ? await headerFor(user, locale) : null;
  return { locale, user: header, passwordResetNotice };
}
