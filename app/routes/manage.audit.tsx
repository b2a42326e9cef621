import "~/i18n/area/audit.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AuditTable } from "~/components/audit/audit-table";
import { TextField } from "~/components/form-fields";
import { useT } from "~/i18n/use-t";
import { listAudit, listAuditAreas } from "~/models/audit.server";
import { auditFiltersFrom } from "~/schemas/audit.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.audit.title);

const SHOWN_ENTRIES = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const url = new URL(request.url);
  const filters = auditFiltersFrom(url);
  const db = getDb();
  const [entries, areas] = await Promise.all([listAudit(db, filters, SHOWN_ENTRIES), listAuditAreas(db)]);
  return json({ entries, areas, filters, query: url.search, limit: SHOWN_ENTRIES });
}

export default function AuditLog() {
  const t = useT();
  const a = t.audit;
  const { entries, areas, filters, query, limit } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      <Form method="get" className="filter-form" aria-label={a.filters}>
        <TextField name="who" label={a.filterWho} defaultValue={filters.who ?? ""} />
        <div className="field">
          <label htmlFor="field-area">{a.filterWhat}</label>
          <select id="field-area" name="area" defaultValue={filters.area ?? ""}>
            <option value="">{a.anyArea}</option>
            {areas.map((area) => (
              <option key={area} value={area}>
                {a.areas[area] ?? area}
              </option>
            ))}
          </select>
        </div>
        <TextField name="from" type="date" label={a.filterFrom} defaultValue={filters.from ?? ""} />
        <TextField name="to" type="date" label={a.filterTo} defaultValue={filters.to ?? ""} />
        <div className="filter-actions">
          <button type="submit" className="button-secondary">
            {a.applyFilters}
          </button>
          <Link to="/manage/audit">{a.clearFilters}</Link>
        </div>
      </Form>
      <p>
        <a href={`/manage/audit.csv${query}`} download>
          {a.downloadCsv}
        </a>
      </p>
      {entries.length === 0 ? (
        <p>{a.empty}</p>
      ) : (
        <>
          <p>{a.shown(entries.length, limit)}</p>
          <AuditTable entries={entries} />
        </>
      )}
    </>
  );
}
