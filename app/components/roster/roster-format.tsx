import "~/i18n/area/common.client";
import "~/i18n/area/roster.client";
import "~/i18n/area/validation.client";
import type { ROSTER_COLUMNS } from "~/domain/roster";
import { useT } from "~/i18n/use-t";

/** The columns a roster file may have, with both header spellings the import accepts. */
export function RosterFormat({ format }: { format: typeof ROSTER_COLUMNS }) {
  const t = useT();
  return (
    <section aria-labelledby="format-heading">
      <h2 id="format-heading">{t.roster.formatHeading}</h2>
      <p>{t.roster.formatIntro}</p>
      <div className="table-scroll">
        <table>
          <caption>{t.roster.formatHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.roster.formatColumn}</th>
              <th scope="col">{t.roster.formatRequired}</th>
              <th scope="col">{t.roster.formatNotes}</th>
            </tr>
          </thead>
          <tbody>
            {format.map((column) => (
              <tr key={column.field}>
                <th scope="row">
                  <span lang="ja">{column.ja}</span> / <span lang="en">{column.en}</span>
                </th>
                <td>{column.required ? t.roster.yes : t.roster.no}</td>
                <td>{t.roster.formatNotesByField[column.field]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
