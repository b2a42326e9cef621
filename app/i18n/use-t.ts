import { useRouteLoaderData } from "@remix-run/react";
import { defaultLocale, type Locale } from "./dictionary";
import { dictionaryFor } from "./index";

/** The page's language, from the root loader (so it is the same on the server and in the browser). */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? defaultLocale;
}

/** The page's words. In the browser only areas imported as `~/i18n/area/<area>.client` are present. */
export function useT() {
  return dictionaryFor(useLocale());
}

/** Texts stored in both languages (a survey's, a question's) come with the page's one picked. */
export function useLocalisedText(): (ja: string, en: string) => string {
  const locale = useLocale();
  return (ja, en) => (locale === "ja" ? ja : en);
}
