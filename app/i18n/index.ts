import { type Dictionary, type Locale } from "./dictionary";
import { dictionaries } from "./dictionaries.server";
import { browserDictionary } from "./loaded.client";

export { defaultLocale, isLocale, locales, type Dictionary, type Locale } from "./dictionary";

/**
 * The words for a language. On the server (and the CLI) every area of both languages; in the
 * browser, where dictionaries.server is an empty module (and loaded.client is empty on the server),
 * the areas this page has loaded.
 */
export function dictionaryFor(locale: Locale): Dictionary {
  return dictionaries ? dictionaries[locale] : browserDictionary;
}

/** The BCP 47 tag used for Intl formatting and the html lang attribute. */
export function languageTag(locale: Locale): string {
  return locale === "ja" ? "ja-JP" : "en-GB";
}
