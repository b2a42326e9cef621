import "~/i18n/area/audit.client";
import { auditActionName, auditActorName, describeAuditDetail } from "~/domain/audit";
import { formatDateTime } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";

export interface AuditTableRow {
  id: number;
  actor_label: string;
  actor_name: string | null;
  actor_number: string | null;
  action: string;
  detail: string;
  row_count: number | null;
  created_at: string;
}

export function AuditTable({ entries }: { entries: readonly AuditTableRow[] }) {
  const t = useT();
  const a = t.audit;
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table>
        <caption>{a.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.when}</th>
            <th scope="col">{a.who}</th>
            <th scope="col">{a.what}</th>
            <th scope="col">{a.detail}</th>
            <th scope="col" className="num">
              {a.rows}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatDateTime(entry.created_at, locale)}</td>
              <td>{auditActorName(entry, a)}</td>
              <td>{auditActionName(entry.action, a)}</td>
              <td>
                <ul className="audit-detail">
                  {describeAuditDetail(entry.detail, a).map((line, index) => (
                    <li key={index}>
                      {line.label ? `${line.label}: ` : null}
                      {line.value}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="num">{entry.row_count ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
