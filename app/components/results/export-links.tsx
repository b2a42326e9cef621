import "~/i18n/area/reports.client";
import "~/i18n/area/results.client";
import type { BreakdownDimension } from "~/domain/survey/suppression";
import { useT } from "~/i18n/use-t";

/**
 * Plain links, not Remix <Link>s: the browser must fetch them itself to save the file. They carry
 * the breakdown on screen, so the download matches what HR is looking at.
 */
export function ExportLinks({ code, by }: { code: string; by: BreakdownDimension | null }) {
  const t = useT();
  const e = t.results.exports;
  const query = by === null ? "" : `?${new URLSearchParams({ by })}`;
  const r = t.reports;
  const root = `/results/${encodeURIComponent(code)}`;
  const base = `${root}/kpi`;
  const suffix = by === null ? "" : e.byDimension(t.results.breakdown.dimensions[by]);
  return (
    <section aria-labelledby="exports-heading">
      <h2 id="exports-heading">{e.heading}</h2>
      <ul className="link-list">
        <li>
          <a href={`${base}.csv${query}`} download>
            {e.csv}
            {suffix}
          </a>
        </li>
        <li>
          <a href={`${base}.xlsx${query}`} download>
            {e.xlsx}
            {suffix}
          </a>
        </li>
        <li>
          <a href={`${root}/rates.csv`} download>
            {r.departmentRates.csv}
          </a>
        </li>
        <li>
          <a href={`${root}/rates.xlsx`} download>
            {r.departmentRates.xlsx}
          </a>
        </li>
        <li>
          <a href={`${root}/responses.csv`} download>
            {r.responses.csv}
          </a>
        </li>
        <li>
          <a href={`${root}/responses.xlsx`} download>
            {r.responses.xlsx}
          </a>
        </li>
      </ul>
      <p className="field-hint">{e.note}</p>
      <p className="field-hint">{r.responses.note}</p>
    </section>
  );
}
