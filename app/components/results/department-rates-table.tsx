import "~/i18n/area/results.client";
import { TableScroll } from "~/components/table-scroll";
import { useLocale, useT } from "~/i18n/use-t";
import { formatCount, formatShare } from "./figures";

export interface DepartmentRateRow {
  department: string;
  eligible: number;
  respondents: number;
  rate: number | null;
}

/** Eligible staff, respondents and the response rate per 部: counts only, in the order given. */
export function DepartmentRatesTable({ caption, rows }: { caption: string; rows: readonly DepartmentRateRow[] }) {
  const t = useT();
  const locale = useLocale();
  const s = t.results.summary;
  const people = (count: number) => s.people(formatCount(count, locale));
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.department}</th>
            <th scope="col" className="num">
              {s.eligible}
            </th>
            <th scope="col" className="num">
              {s.respondents}
            </th>
            <th scope="col" className="num">
              {s.responseRate}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.department}>
              <th scope="row">{row.department}</th>
              <td className="num">{people(row.eligible)}</td>
              <td className="num">{people(row.respondents)}</td>
              <td className="num">{formatShare(row.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
