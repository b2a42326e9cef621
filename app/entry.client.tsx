import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { pageLocale } from "~/i18n/loaded.client";
import { LocaleContext } from "~/i18n/use-t";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <LocaleContext.Provider value={pageLocale()}>
        <RemixBrowser />
      </LocaleContext.Provider>
    </StrictMode>,
  );
});
