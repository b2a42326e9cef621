import type { Locale } from "~/i18n/dictionary";

/** The city runs on Tokyo time whatever the server's clock zone. */
export const TIME_ZONE = "Asia/Tokyo";

function tag(locale: Locale) {
  return locale === "ja" ? "ja-JP" : "en-GB";
}

/** Builds a formatter once per locale: constructing an Intl formatter costs far more than using one. */
function perLocale(make: (locale: Locale) => Intl.DateTimeFormat): (locale: Locale) => Intl.DateTimeFormat {
  const made = new Map<Locale, Intl.DateTimeFormat>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(locale);
      made.set(locale, formatter);
    }
    return formatter;
  };
}

const dateFormat = perLocale((locale) => new Intl.DateTimeFormat(tag(locale), { timeZone: TIME_ZONE, dateStyle: "long" }));
const dateTimeFormat = perLocale((locale) => new Intl.DateTimeFormat(tag(locale), { timeZone: TIME_ZONE, dateStyle: "long", timeStyle: "short" }));
const eraDateTimeFormat = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  timeZone: TIME_ZONE,
  era: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const eraDateFormat = perLocale(
  (locale) =>
    new Intl.DateTimeFormat(locale === "ja" ? "ja-JP-u-ca-japanese" : "en-GB", {
      timeZone: TIME_ZONE,
      ...(locale === "ja" ? { era: "long" as const } : {}),
      year: "numeric",
      month: "long",
      day: "numeric",
    }),
);

/** 2026年11月21日 / 21 Nov 2026 */
export function formatDate(iso: string, locale: Locale): string {
  return dateFormat(locale).format(new Date(iso));
}

/** 2026年11月21日 14:05 / 21 Nov 2026, 14:05 */
export function formatDateTime(iso: string, locale: Locale): string {
  return dateTimeFormat(locale).format(new Date(iso));
}

/** 令和8年11月21日 14:05 / 21 Nov 2026, 14:05 */
export function formatEraDateTime(iso: string, locale: Locale): string {
  return locale === "ja" ? eraDateTimeFormat.format(new Date(iso)) : formatDateTime(iso, locale);
}

/** Japan keeps UTC+9 all year (no daylight saving since 1951). */
const TOKYO_OFFSET_MS = 9 * 60 * 60_000;

/** The calendar date in Tokyo as YYYY-MM-DD: arithmetic, because every submission asks and Intl formatting costs far more. */
export function tokyoDate(date: Date): string {
  return new Date(date.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** Japanese fiscal years run April to March and are named by the year they start in. */
export function fiscalYearOf(date: Date): number {
  const [year, month] = tokyoDate(date).split("-").map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

export function fiscalYearRange(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

/**
 * The era name of a fiscal year as HR writes it: the era in force on 1 April. Reiwa began on
 * 1 May 2019, so FY2019 is still 平成31年度 in the city's documents.
 */
export function eraFiscalYear(fiscalYear: number): string {
  if (fiscalYear >= 2020) return `令和${fiscalYear - 2018}年度`;
  if (fiscalYear === 2019) return "平成31年度";
  if (fiscalYear >= 1989) return `平成${fiscalYear - 1988 === 1 ? "元" : fiscalYear - 1988}年度`;
  return `昭和${fiscalYear - 1925}年度`;
}

/** 令和5年度（2023年度） / FY2023 */
export function fiscalYearLabel(fiscalYear: number, locale: Locale): string {
  return locale === "ja" ? `${eraFiscalYear(fiscalYear)}（${fiscalYear}年度）` : `FY${fiscalYear}`;
}

/** 令和8年11月29日 (Japanese era, as HR dates its documents) / 29 November 2026 */
export function formatEraDate(iso: string, locale: Locale): string {
  return eraDateFormat(locale).format(new Date(iso));
}
