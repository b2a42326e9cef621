import "~/i18n/area/common.client";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useMatches, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { PageFrame, type PageFrameData } from "~/components/page-frame";
import { languageTag } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import stylesheet from "~/styles/app.css";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Yell" }];

/*
 * The root has no loader: the page's language comes from the request (entry.server), and its
 * frame from the loader of the page's layout (routes/_app), or of the answering page itself.
 */
function usePageFrame(): PageFrameData | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const frame = (matches[i]!.data as { frame?: PageFrameData } | undefined)?.frame;
    if (frame) return frame;
  }
  return null;
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
  return (
    <Document>
      <PageFrame frame={usePageFrame()}>
        <Outlet />
      </PageFrame>
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
      <PageFrame frame={null}>
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a href="/">{t.common.home}</a>
        </p>
      </PageFrame>
    </Document>
  );
}
