import "~/i18n/area/reports.client";
import "~/i18n/area/results.client";
import { useLocale, useT } from "~/i18n/use-t";
import { formatCount, formatPercent, shareInThousandths } from "./figures";

export interface DistributionView {
  code: string;
  text_ja: string;
  text_en: string;
  n: number;
  options: readonly { value: number; label_ja: string; label_en: string; count: number }[];
}

/** Each question's answers as a small table of counts and shares: the print report's charts as tables. */
export function DistributionTables({ questions }: { questions: readonly DistributionView[] }) {
  const t = useT();
  const locale = useLocale();
  const r = t.reports.report;
  return (
    <div className="distribution-tables">
      {questions.map((question) => (
        <table key={question.code} className="distribution-table">
          <caption>
            {r.distributionCaption(question.code)}: {locale === "ja" ? question.text_ja : question.text_en}
          </caption>
          <thead>
            <tr>
              <th scope="col">{r.answer}</th>
              <th scope="col" className="num">
                {r.count}
              </th>
              <th scope="col" className="num">
                {r.share}
              </th>
            </tr>
          </thead>
          <tbody>
            {question.options.map((option) => {
              const thousandths = shareInThousandths(option.count, question.n);
              return (
                <tr key={option.value}>
                  <th scope="row">
                    {option.value} {locale === "ja" ? option.label_ja : option.label_en}
                  </th>
                  <td className="num">{formatCount(option.count, locale)}</td>
                  <td className="num">
                    {formatPercent(thousandths === null ? null : thousandths / 10)}
                    <span className="share-bar" aria-hidden="true" style={{ width: `${(thousandths ?? 0) / 10}%` }} />
                  </td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">{t.results.table.n}</th>
              <td className="num">{formatCount(question.n, locale)}</td>
              <td className="num">{formatPercent(question.n === 0 ? null : 100)}</td>
            </tr>
          </tbody>
        </table>
      ))}
    </div>
  );
}
