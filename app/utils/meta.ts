import "~/i18n/area/common.client";
import type { MetaFunction } from "@remix-run/node";
import { type Dictionary, defaultLocale, dictionaryFor, isLocale } from "~/i18n";

type Matches = Parameters<MetaFunction>[0]["matches"];

/** A page title in the reader's language ("職員名簿 | Yell"), read from the root loader's locale. */
export function pageTitle(matches: Matches, pick: (t: Dictionary) => string) {
  const rootData = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const t = dictionaryFor(isLocale(rootData?.locale) ? rootData.locale : defaultLocale);
  return [{ title: `${pick(t)} | ${t.common.appName}` }];
}

/** For pages that set their title this way: `export const meta = titled((t) => t.auth.signInTitle)`. */
export function titled(pick: (t: Dictionary) => string): MetaFunction {
  return ({ matches }) => pageTitle(matches, pick);
}
