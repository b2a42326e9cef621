import { type Dictionary, type Locale } from "./dictionary";
import { en } from "./en";
import { ja } from "./ja";

export { defaultLocale, isLocale, locales, type Dictionary, type Locale } from "./dictionary";

const dictionaries: Record<Locale, Dictionary> = { ja, en };

export function dictionaryFor(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** The BCP 47 tag used for Intl formatting and the html lang attribute. */
export function languageTag(locale: Locale): string {
  return locale === "ja" ? "ja-JP" : "en-GB";
}
