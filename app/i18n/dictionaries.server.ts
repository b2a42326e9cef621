import type { Dictionary, Locale } from "./dictionary";
import { en } from "./en";
import { ja } from "./ja";

/** Both languages, every area: for server rendering, the CLI and exports (never sent to the browser). */
export const dictionaries: Record<Locale, Dictionary> = { ja, en };
