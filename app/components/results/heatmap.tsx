import "~/i18n/area/heatmap.client";
import "~/i18n/area/results.client";
import { Form } from "@remix-run/react";
import { HEATMAP_REFERENCES, HEAT_BANDS, HEAT_BAND_EDGES, type Heatmap, type HeatmapReference, heatColour } from "~/domain/survey/heatmap";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";
import { useLocale, useT } from "~/i18n/use-t";
import { formatChange, formatCount, formatScore } from "./figures";

interface HeatmapQuestion {
  code: string;
  indicator_ja: string | null;
  indicator_en: string | null;
  text_ja: string;
  text_en: string;
}

/**
 * The grouping (when `by` is given) and the reference as a plain GET form, so it works without
 * JavaScript; `keep` carries other query parameters along.
 */
export function HeatmapControls({
  by,
  against,
  keep = {},
}: {
  by: BreakdownDimension | null;
  against: HeatmapReference;
  keep?: Record<string, string>;
}) {
  const t = useT();
  const h = t.heatmap;
  return (
    <Form method="get" className="toolbar" preventScrollReset>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {by === null ? null : (
        <div className="field">
          <label htmlFor="heatmap-by">{h.by}</label>
          <select id="heatmap-by" name="by" defaultValue={by} key={by}>
            {BREAKDOWN_DIMENSIONS.map((dimension) => (
              <option key={dimension} value={dimension}>
                {t.results.breakdown.dimensions[dimension]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="heatmap-against">{h.against}</label>
        <select id="heatmap-against" name="against" defaultValue={against} key={against}>
          {HEATMAP_REFERENCES.map((reference) => (
            <option key={reference} value={reference}>
              {h.referenceNames[reference]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-secondary">
        {h.show}
      </button>
    </Form>
  );
}

function HeatLegend() {
  const t = useT();
  const h = t.heatmap;
  return (
    <section aria-labelledby="heat-legend-heading" className="heat-legend">
      <h2 id="heat-legend-heading">{h.legendHeading}</h2>
      <ul>
        {HEAT_BANDS.map((band) => {
          // A representative difference inside the band, so the legend uses the same scale as the cells.
          const edge = HEAT_BAND_EDGES[Math.abs(band) - 1] ?? 0;
          const colour = heatColour(band === 0 ? 0 : Math.sign(band) * edge);
          return (
            <li key={band}>
              <span className="heat-swatch" style={{ background: colour?.background }} aria-hidden="true" /> {h.legend(band, HEAT_BAND_EDGES)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Groups × questions. Each cell gives the mean, the signed difference and ▲/▼ in text, so colour
 * is never the only cue; a hidden cell says so in words.
 */
export function HeatmapTable({
  heatmap,
  questions,
  dimension,
}: {
  heatmap: Heatmap;
  questions: readonly HeatmapQuestion[];
  dimension: BreakdownDimension;
}) {
  const t = useT();
  const locale = useLocale();
  const h = t.heatmap;
  const reference = h.referenceNames[heatmap.reference];
  const caption = h.caption(t.results.breakdown.dimensions[dimension], reference);
  const byCode = new Map(questions.map((question) => [question.code, question]));
  if (heatmap.rows.length === 0) return <p>{h.nothingToShow}</p>;
  return (
    <>
      {/* Wide enough to scroll sideways, so keyboard users need to be able to focus it. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="heatmap-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.results.breakdown.dimensions[dimension]}</th>
              <th scope="col" className="num">
                {t.results.table.respondents}
              </th>
              {heatmap.questions.map((question) => {
                const details = byCode.get(question.code);
                const name = details ? ((locale === "ja" ? details.indicator_ja : details.indicator_en) ?? (locale === "ja" ? details.text_ja : details.text_en)) : "";
                return (
                  <th key={question.code} scope="col" className="num" title={name}>
                    {question.code}
                    <span className="visually-hidden"> {name}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            <tr className="heat-reference">
              <th scope="row">{h.referenceRow(reference)}</th>
              <td />
              {heatmap.questions.map((question) => (
                <td key={question.code} className="num">
                  {formatScore(question.reference)}
                </td>
              ))}
            </tr>
            {heatmap.rows.map((row) => (
              <tr key={row.group}>
                <th scope="row">{row.group}</th>
                <td className="num">{row.respondents === null ? h.hidden : formatCount(row.respondents, locale)}</td>
                {row.cells.map((cell, index) => {
                  const key = heatmap.questions[index]?.code ?? index;
                  if (cell.hidden) {
                    return (
                      <td key={key} className="heat-hidden" title={h.hiddenCell}>
                        <span aria-hidden="true">×</span>
                        <span className="visually-hidden">{h.hiddenCell}</span>
                      </td>
                    );
                  }
                  if (cell.mean === null || cell.colour === null) {
                    return (
                      <td key={key} className="num">
                        {cell.mean === null ? h.noAnswers : formatScore(cell.mean)}
                      </td>
                    );
                  }
                  const direction = cell.colour.band > 0 ? h.above : cell.colour.band < 0 ? h.below : h.aboutSame;
                  const symbol = cell.colour.band > 0 ? "▲" : cell.colour.band < 0 ? "▼" : "";
                  return (
                    <td
                      key={key}
                      className="num heat-cell"
                      style={{ background: cell.colour.background, color: cell.colour.foreground }}
                      title={h.cellLabel(formatScore(cell.mean), formatChange(cell.difference), direction)}
                    >
                      {formatScore(cell.mean)}
                      <br />
                      <small>
                        <span aria-hidden="true">{symbol}</span>
                        {formatChange(cell.difference)}
                        <span className="visually-hidden"> {direction}</span>
                      </small>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatLegend />
    </>
  );
}
