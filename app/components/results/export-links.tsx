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
  const base = `/results/${encodeURIComponent(code)}/kpi`;
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
      </ul>
      <p className="field-hint">{e.note}</p>
    </section>
  );
}
