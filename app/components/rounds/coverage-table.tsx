import "~/i18n/area/rounds.client";
import { formatCount, formatShare } from "~/components/results/figures";
import { type CoverageFigures, ROUND_MINIMUM_GROUP_SIZE, type RoundCoverage } from "~/domain/rounds";
import { useLocale, useT } from "~/i18n/use-t";

/** Counts per department, never names: suppressed departments arrive as names of the 部 only. */
export function CoverageTable({ coverage, expected }: { coverage: RoundCoverage; expected: number }) {
  const t = useT();
  const locale = useLocale();
  const c = t.rounds.coverage;
  const withShare = (count: number, share: number | null) => c.countWithShare(formatCount(count, locale), formatShare(share));
  const cells = (figures: CoverageFigures) => (
    <>
      <td className="num">{formatCount(figures.participants, locale)}</td>
      <td className="num">{withShare(figures.metExpected, figures.metExpectedShare)}</td>
      <td className="num">{withShare(figures.receivedAny, figures.receivedAnyShare)}</td>
      <td className="num">{formatCount(figures.receivedNone, locale)}</td>
    </>
  );
  const hidden = coverage.departments.filter((entry) => entry.suppressed);
  return (
    <section aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{c.heading}</h2>
      <p>{c.intro(ROUND_MINIMUM_GROUP_SIZE)}</p>
      <div className="table-scroll">
        <table>
          <caption>{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.department}</th>
              <th scope="col" className="num">
                {c.participants}
              </th>
              <th scope="col" className="num">
                {c.metExpected(expected)}
              </th>
              <th scope="col" className="num">
                {c.receivedAny}
              </th>
              <th scope="col" className="num">
                {c.receivedNone}
              </th>
            </tr>
          </thead>
          <tbody>
            {coverage.departments.map((entry) =>
              entry.suppressed ? null : (
                <tr key={entry.group.name}>
                  <th scope="row">{entry.group.name}</th>
                  {cells(entry.group)}
                </tr>
              ),
            )}
          </tbody>
          {coverage.total ? (
            <tfoot>
              <tr>
                <th scope="row">{c.total}</th>
                {cells(coverage.total)}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {hidden.length > 0 ? (
        <ul className="suppressed-groups">
          {hidden.map((entry) => (
            <li key={entry.name}>{c.suppressed(entry.name)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
