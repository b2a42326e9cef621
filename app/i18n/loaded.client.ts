import type { Dictionary, Locale } from "./dictionary";

export type Area = keyof Dictionary;

/**
 * In the browser, each language area is its own chunk, fetched when a module that uses it is
 * loaded (see area/*.client.ts): a page downloads only its language and only the areas it shows.
 */
const chunks: { [L in Locale]: { [A in Area]: () => Promise<Dictionary[A]> } } = {
  ja: {
    common: () => import("./ja/common").then((m) => m.common),
    nav: () => import("./ja/nav").then((m) => m.nav),
    validation: () => import("./ja/validation").then((m) => m.validation),
    auth: () => import("./ja/auth").then((m) => m.auth),
    roster: () => import("./ja/roster").then((m) => m.roster),
    cli: () => import("./ja/cli").then((m) => m.cli),
    surveyAdmin: () => import("./ja/surveyAdmin").then((m) => m.surveyAdmin),
    results: () => import("./ja/results").then((m) => m.results),
    survey: () => import("./ja/survey").then((m) => m.survey),
    messages: () => import("./ja/messages").then((m) => m.messages),
    rounds: () => import("./ja/rounds").then((m) => m.rounds),
    builder: () => import("./ja/builder").then((m) => m.builder),
    crosstab: () => import("./ja/crosstab").then((m) => m.crosstab),
    reports: () => import("./ja/reports").then((m) => m.reports),
    audit: () => import("./ja/audit").then((m) => m.audit),
    heatmap: () => import("./ja/heatmap").then((m) => m.heatmap),
    actions: () => import("./ja/actions").then((m) => m.actions),
    unitResults: () => import("./ja/unitResults").then((m) => m.unitResults),
    shared: () => import("./ja/shared").then((m) => m.shared),
    indicators: () => import("./ja/indicators").then((m) => m.indicators),
    trendChart: () => import("./ja/trendChart").then((m) => m.trendChart),
    reportSummary: () => import("./ja/reportSummary").then((m) => m.reportSummary),
    notifications: () => import("./ja/notifications").then((m) => m.notifications),
    home: () => import("./ja/home").then((m) => m.home),
    onboarding: () => import("./ja/onboarding").then((m) => m.onboarding),
  },
  en: {
    common: () => import("./en/common").then((m) => m.common),
    nav: () => import("./en/nav").then((m) => m.nav),
    validation: () => import("./en/validation").then((m) => m.validation),
    auth: () => import("./en/auth").then((m) => m.auth),
    roster: () => import("./en/roster").then((m) => m.roster),
    cli: () => import("./en/cli").then((m) => m.cli),
    surveyAdmin: () => import("./en/surveyAdmin").then((m) => m.surveyAdmin),
    results: () => import("./en/results").then((m) => m.results),
    survey: () => import("./en/survey").then((m) => m.survey),
    messages: () => import("./en/messages").then((m) => m.messages),
    rounds: () => import("./en/rounds").then((m) => m.rounds),
    builder: () => import("./en/builder").then((m) => m.builder),
    crosstab: () => import("./en/crosstab").then((m) => m.crosstab),
    reports: () => import("./en/reports").then((m) => m.reports),
    audit: () => import("./en/audit").then((m) => m.audit),
    heatmap: () => import("./en/heatmap").then((m) => m.heatmap),
    actions: () => import("./en/actions").then((m) => m.actions),
    unitResults: () => import("./en/unitResults").then((m) => m.unitResults),
    shared: () => import("./en/shared").then((m) => m.shared),
    indicators: () => import("./en/indicators").then((m) => m.indicators),
    trendChart: () => import("./en/trendChart").then((m) => m.trendChart),
    reportSummary: () => import("./en/reportSummary").then((m) => m.reportSummary),
    notifications: () => import("./en/notifications").then((m) => m.notifications),
    home: () => import("./en/home").then((m) => m.home),
    onboarding: () => import("./en/onboarding").then((m) => m.onboarding),
  },
};

/** The areas loaded so far, in the page's language (the html lang attribute, set by the root). */
const loadedDictionary: Partial<Dictionary> = {};

/** Reading an area no module of the page imported is a programming error: say which import is missing. */
export const browserDictionary = new Proxy(loadedDictionary, {
  get(target, area) {
    const words = target[area as Area];
    if (words === undefined && typeof area === "string") {
      throw new Error(`i18n area "${area}" was not loaded: import "~/i18n/area/${area}.client" in the module that uses it`);
    }
    return words;
  },
}) as Dictionary;

function pageLocale(): Locale {
  return document.documentElement.lang.startsWith("en") ? "en" : "ja";
}

export async function loadArea<A extends Area>(area: A): Promise<void> {
  // Outside a browser (tests importing components) the server's full dictionaries serve.
  if (typeof document === "undefined" || loadedDictionary[area]) return;
  (loadedDictionary as Record<A, Dictionary[A]>)[area] = await chunks[pageLocale()][area]();
}
