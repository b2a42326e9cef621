import "~/i18n/area/audit.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { listAudit } from "~/models/audit.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/utils/meta";

export const meta = titled((t) => t.audit.title);

const SHOWN_ENTRIES = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  return json({ entries: await listAudit(getDb(), SHOWN_ENTRIES) });
}

export default function AuditLog() {
  const t = useT();
  const locale = useLocale();
  const { entries } = useLoaderData<typeof loader>();
  const a = t.audit;
  return (
    <>
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      {entries.length === 0 ? (
        <p>{a.empty}</p>
      ) : (
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
              {entries.map((entry) => {
                const area = a.areas[entry.action.split(".")[0] ?? ""];
                return (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.created_at, locale)}</td>
                    <td>{entry.actor_label === "cli" ? a.commandLine : entry.actor_label}</td>
                    <td>
                      {area ? `${area}: ` : null}
                      <code>{entry.action}</code>
                    </td>
                    <td>
                      <code className="audit-detail">{entry.detail}</code>
                    </td>
                    <td className="num">{entry.row_count ?? ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
