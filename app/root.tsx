import "~/i18n/area/common.client";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppHeader, type HeaderUser } from "~/components/app-header";
import { type Locale, dictionaryFor, languageTag } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import stylesheet from "~/styles/app.css";
import { useNonce } from "~/utils/nonce";
import { type SessionUser, bellCounts, formatDateTime, getDb, getLocale, getUser, headerWords } from "./root.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Yell" }];

/**
 * What the header shows of the signed-in person, worded here: their name, their role's menu and
 * the unread counts. Nothing else of the session goes to the browser.
 */
async function headerFor(user: SessionUser, locale: Locale): Promise<HeaderUser> {
  const counts = await bellCounts(getDb(), user.id);
  return { name: user.name, ...headerWords(user.role, counts, dictionaryFor(locale)), notifications: counts.notifications };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([getLocale(request), getUser(request)]);
  // Worded here, so that every page's browser bundle need not carry the sign-in texts for a rare notice.
  const passwordResetNotice = user?.passwordReset
    ? dictionaryFor(locale).auth.passwordReset(user.passwordReset.by, formatDateTime(user.passwordReset.at, locale))
    : null;
  const header = user ? await headerFor(user, locale) : null;
  return { locale, user: header, passwordResetNotice };
}

function Document({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const t = useT();
  const nonce = useNonce();
  return (
    <html lang={languageTag(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t.common.skipToContent}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, passwordResetNotice } = useLoaderData<typeof loader>();
  return (
    <Document>
      <AppHeader user={user} />
      <main id="main" tabIndex={-1}>
        {passwordResetNotice ? (
          <p className="notice" role="status">
            {passwordResetNotice}
          </p>
        ) : null}
        <Outlet />
      </main>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const [title, body] =
    status === 403
      ? [t.common.forbiddenTitle, t.common.forbiddenBody]
      : status === 404
        ? [t.common.notFoundTitle, t.common.notFoundBody]
        : [t.common.errorTitle, t.common.errorBody];
  return (
    <Document>
      <AppHeader user={null} />
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a href="/">{t.common.home}</a>
        </p>
      </main>
    </Document>
  );
}
