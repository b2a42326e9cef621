import { useLocale } from "~/i18n/use-t";

/** Survey texts come in both languages from the definition; this picks the page's one. */
export function useLocalisedText(): (ja: string, en: string) => string {
  const locale = useLocale();
  return (ja, en) => (locale === "ja" ? ja : en);
}
