import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditActionName, auditActorName, describeAuditDetail } from "~/domain/audit";
import { formatDateTime } from "~/domain/dates";
import { dictionaryFor } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { listAudit, recordAudit } from "~/models/audit.server";
import { auditFiltersFrom } from "~/schemas/audit.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { tableDownload } from "~/utils/exports.server";

/** Enough for years of a ward's operations; the page's filters narrow it further. */
const EXPORT_LIMIT = 50_000;

/** The filtered audit log as CSV (BOM, so Japanese Excel opens it); the export is itself audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const locale = await getLocale(request);
  const a = dictionaryFor(locale).audit;
  const filters = auditFiltersFrom(new URL(request.url));
  const db = getDb();
  const entries = await listAudit(db, filters, EXPORT_LIMIT);
  await recordAudit(db, { id: user.id, label: user.employeeNumber }, "audit.export", { ...filters }, entries.length);
  const rows = [
    [a.when, a.who, a.fields.employeeNumber ?? "", a.what, a.detail, a.rows],
    ...entries.map((entry) => [
      formatDateTime(entry.created_at, locale),
      entry.actor_name ?? auditActorName(entry, a),
      entry.actor_number ?? "",
      auditActionName(entry.action, a),
      describeAuditDetail(entry.detail, a)
        .map((line) => (line.label ? `${line.label}: ${line.value}` : line.value))
        .join(" / "),
      entry.row_count,
    ]),
  ];
  return tableDownload({ rows, sheetName: a.title, asciiName: "audit-log", displayName: a.csvFileName }, "csv");
}
