import type { ja } from "./ja";

/** Japanese is the source of truth; every other language must provide the same keys and signatures. */
export type Dictionary = typeof ja;

export const locales = ["ja", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ja";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
