import "./area/common.client";
import type { MetaFunction } from "@remix-run/node";
import { type Dictionary, type Locale, defaultLocale, isLocale } from "./dictionary";
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

type Matches = Parameters<MetaFunction>[0]["matches"];

/** A page title in the reader's language ("職員名簿 | Yell"), read from the root loader's locale. */
function pageTitle(matches: Matches, pick: (t: Dictionary) => string) {
  const rootData = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const t = dictionaryFor(isLocale(rootData?.locale) ? rootData.locale : defaultLocale);
  return [{ title: `${pick(t)} | ${t.common.appName}` }];
}

/**
 * For pages that set their title this way: `export const meta = titled((t) => t.auth.signInTitle)`.
 * Here rather than in a module of its own, which would be one more chunk for nearly every page.
 */
export function titled(pick: (t: Dictionary) => string): MetaFunction {
  return ({ matches }) => pageTitle(matches, pick);
}
