/**
 * How an audit entry reads: the action's name and each detail as "label: value" in the reader's
 * language. Labels come from the dictionary; an action or field it does not know yet is shown
 * as recorded, so a new operation is never hidden from the log.
 */

export interface AuditLabels {
  actions: Record<string, string>;
  fields: Record<string, string>;
  values: Record<string, string>;
  yes: string;
  no: string;
  listSeparator: string;
  commandLine: string;
  demo: string;
  actorWithNumber: (name: string, number: string) => string;
}

export interface AuditActor {
  actor_label: string;
  actor_name: string | null;
  actor_number: string | null;
}

/** "山田 花子（000002）", or the command line / the demo seed for entries without a person. */
export function auditActorName(row: AuditActor, labels: AuditLabels): string {
  if (row.actor_name !== null && row.actor_number !== null) return labels.actorWithNumber(row.actor_name, row.actor_number);
  if (row.actor_label === "cli") return labels.commandLine;
  if (row.actor_label === "demo") return labels.demo;
  return row.actor_label;
}

export interface DetailLine {
  label: string;
  value: string;
}

function formatValue(value: unknown, labels: AuditLabels): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? labels.yes : labels.no;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return labels.values[value] ?? value;
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map((item) => formatValue(item, labels)).join(labels.listSeparator);
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${labels.fields[key] ?? key} ${formatValue(inner, labels)}`)
    .join(labels.listSeparator);
}

/** The entry's JSON detail as lines; text that is not a JSON object is shown as it is. */
export function describeAuditDetail(detailJson: string, labels: AuditLabels): DetailLine[] {
  let detail: unknown;
  try {
    detail = JSON.parse(detailJson);
  } catch {
    return [{ label: "", value: detailJson }];
  }
  if (detail === null || typeof detail !== "object" || Array.isArray(detail)) return [{ label: "", value: formatValue(detail, labels) }];
  return Object.entries(detail as Record<string, unknown>).map(([key, value]) => ({ label: labels.fields[key] ?? key, value: formatValue(value, labels) }));
}

export function auditActionName(action: string, labels: AuditLabels): string {
  return labels.actions[action] ?? action;
}

/** The areas to filter by: the part of the action code before the dot. */
export function auditArea(action: string): string {
  return action.split(".")[0] ?? action;
}
