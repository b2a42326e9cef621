import { z } from "zod";
import type { AuditFilters } from "~/models/audit.server";

const optional = <T extends z.ZodType<string>>(schema: T) =>
  z
    .union([z.literal(""), schema])
    .optional()
    .catch(undefined)
    .transform((value) => (value ? value : null));

/** The audit log's filters from the query string; a value that does not parse is ignored, not an error page. */
export const auditFiltersSchema = z
  .object({
    who: optional(z.string().trim().max(50)),
    area: optional(z.string().regex(/^[a-z_]{1,40}$/)),
    from: optional(z.iso.date()),
    to: optional(z.iso.date()),
  })
  .transform((value): AuditFilters => value);

export function auditFiltersFrom(url: URL): AuditFilters {
  return auditFiltersSchema.parse(Object.fromEntries(url.searchParams));
}
