import { formatDate } from "~/domain/dates";
import type { ReceivedMessage, StrengthsReport as Report } from "~/domain/rounds";
import { useLocale, useT } from "~/i18n/use-t";

interface StrengthsReportProps {
  report: Report<ReceivedMessage>;
  tags: readonly { code: string; name_ja: string; name_en: string }[];
}

function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: { key: string; label: string; count: number }[] }) {
  const r = useT().rounds.report;
  return (
    <table className="report-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="num">
            {r.count}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">{r.countValue(row.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The messages a participant received in a round, by value tag and by who sent them. */
export function StrengthsReport({ report, tags }: StrengthsReportProps) {
  const t = useT();
  const locale = useLocale();
  const r = t.rounds.report;
  const tagNames = new Map(tags.map((tag) => [tag.code, locale === "ja" ? tag.name_ja : tag.name_en]));
  const tagName = (code: string | null) => (code === null ? r.untagged : (tagNames.get(code) ?? code));

  if (report.total === 0) return <p>{r.noneReceived}</p>;
  return (
    <>
      <p className="report-total">{r.received(report.total)}</p>
      <div className="report-summary">
        <section aria-labelledby="by-tag">
          <h2 id="by-tag">{r.byTagHeading}</h2>
          <CountTable
            caption={r.byTagCaption}
            heading={r.tag}
            rows={report.byTag.map((group) => ({ key: group.tag ?? "", label: tagName(group.tag), count: group.count }))}
          />
        </section>
        <section aria-labelledby="by-relationship">
          <h2 id="by-relationship">{r.byRelationshipHeading}</h2>
          <CountTable
            caption={r.byRelationshipCaption}
            heading={r.relationship}
            rows={report.byRelationship.map((group) => ({
              key: group.relationship,
              label: r.receivedFrom[group.relationship],
              count: group.count,
            }))}
          />
        </section>
      </div>
      <h2>{r.messagesHeading}</h2>
      {report.byTag.map((group, groupIndex) => (
        <section key={group.tag ?? ""} className="report-group" aria-labelledby={`report-group-${groupIndex}`}>
          <h3 id={`report-group-${groupIndex}`}>
            {tagName(group.tag)} <span className="badge">{r.countValue(group.count)}</span>
          </h3>
          <ul className="report-messages">
            {group.messages.map((message) => (
              <li key={message.id} className="report-message">
                <p className="report-message-from">
                  {r.from(message.senderName, r.receivedFrom[message.relationship])} · {formatDate(message.createdAt, locale)}
                </p>
                <dl>
                  <dt>{r.scene}</dt>
                  <dd>{message.scene}</dd>
                  <dt>{r.feeling}</dt>
                  <dd>{message.feeling}</dd>
                  <dt>{r.effect}</dt>
                  <dd>{message.effect}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
