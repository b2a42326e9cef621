import "~/i18n/area/rounds.client";
import { MessageBody, useTagName } from "~/components/imessage";
import { formatEraDate } from "~/domain/dates";
import type { ReceivedMessage, StrengthsReport as Report } from "~/domain/rounds";
import { useLocale, useT } from "~/i18n/use-t";

interface ReportTag {
  id: number;
  code: string;
  nameJa: string;
  nameEn: string;
}

interface StrengthsReportProps {
  report: Report<ReceivedMessage>;
  tags: readonly ReportTag[];
}

function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: { key: string; label: string; count: number }[] }) {
  const r = useT().rounds.report;
  return (
    <table className="round-report-counts">
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
  const tagName = useTagName();
  const r = t.rounds.report;
  const tagsByCode = new Map(tags.map((tag) => [tag.code, tag]));
  const groupName = (code: string | null) => {
    const tag = code === null ? undefined : tagsByCode.get(code);
    return tag ? tagName(tag) : r.untagged;
  };
  const tagsOf = (codes: readonly string[]) => codes.flatMap((code) => tagsByCode.get(code) ?? []);

  if (report.total === 0) return <p>{r.noneReceived}</p>;
  return (
    <>
      <p className="round-report-total">{r.received(report.total)}</p>
      <div className="round-report-summary">
        <section aria-labelledby="by-tag">
          <h2 id="by-tag">{r.byTagHeading}</h2>
          <CountTable
            caption={r.byTagCaption}
            heading={r.tag}
            rows={report.byTag.map((group) => ({ key: group.tag ?? "", label: groupName(group.tag), count: group.count }))}
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
      {report.byTag
        .filter((group) => group.messages.length > 0)
        .map((group, groupIndex) => (
          <section key={group.tag ?? ""} className="round-report-group" aria-labelledby={`report-group-${groupIndex}`}>
            <h3 id={`report-group-${groupIndex}`}>
              {groupName(group.tag)} <span className="badge">{r.countValue(group.messages.length)}</span>
            </h3>
            <ul className="round-report-messages">
              {group.messages.map((message) => (
                <li key={message.id} className="round-report-message">
                  <p className="round-report-from">
                    {r.from(message.senderName, r.receivedFrom[message.relationship])} · {formatEraDate(message.createdAt, locale)}
                  </p>
                  <MessageBody parts={message} tags={tagsOf(message.tagCodes)} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}
