import { createContext, useContext } from "react";
import { defaultLocale, type Locale } from "./dictionary";
import { dictionaryFor } from "./index";

/**
 * The page's language: a property of the request (the language cookie), provided by entry.server
 * and, in the browser, by entry.client from the html lang attribute the server wrote. Not loader
 * data, so error pages keep it too.
 */
export const LocaleContext = createContext<Locale>(defaultLocale);

export function useLocale(): Locale {
  return useContext(LocaleContext);
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
