import type { Dictionary, Locale } from "./dictionary";

export type Area = keyof Dictionary;

/** The areas loaded so far, in the page's language (the html lang attribute, set by the root). */
const loadedDictionary: Partial<Dictionary> = {};

/**
 * While developing, reading an area no module of the page imported fails with the import to add;
 * a production build leaves the check out (every page pays for its bytes, and the unit test
 * i18n-areas already holds each module to the areas it reads).
 */
export const browserDictionary: Dictionary =
  process.env.NODE_ENV === "production"
    ? (loadedDictionary as Dictionary)
    : (new Proxy(loadedDictionary, {
        get(target, area) {
          const words = target[area as Area];
          if (words === undefined && typeof area === "string") {
            throw new Error(`i18n area "${area}" was not loaded: import "~/i18n/area/${area}.client" in the module that uses it`);
          }
          return words;
        },
      }) as Dictionary);

function pageLocale(): Locale {
  return document.documentElement.lang.startsWith("en") ? "en" : "ja";
}

/** One area's dictionary module per language, each its own chunk: `import("../ja/<area>")`. */
export type AreaChunks<A extends Area> = { [L in Locale]: () => Promise<{ [K in A]: Dictionary[K] }> };

/**
 * In the browser, each language area is its own chunk, fetched when a module that uses it is
 * loaded (see area/*.client.ts): a page downloads only its language and only the areas it shows.
 * Each area module names its own two chunks, so a page carries the chunk names of its areas only.
 */
export async function loadArea<A extends Area>(area: A, chunks: AreaChunks<A>): Promise<void> {
  // Outside a browser (tests importing components) the server's full dictionaries serve.
  if (typeof document === "undefined" || loadedDictionary[area]) return;
  (loadedDictionary as Record<A, Dictionary[A]>)[area] = (await chunks[pageLocale()]())[area];
}
