import { createCookie } from "@remix-run/node";
import { defaultLocale, isLocale, type Locale } from "./dictionary";
import { dictionaryFor } from "./index";

/** The chosen language is remembered for a year; it says nothing about the person. */
export const localeCookie = createCookie("yell_lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
});

/** Japanese unless the person has switched language: the city works in Japanese. */
export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : defaultLocale;
}

export async function getT(request: Request) {
  return dictionaryFor(await getLocale(request));
}
