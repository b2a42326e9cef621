import { z } from "zod";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";

/** `?by=` of the results page and its exports; an empty value (the form's "overall only") means none. */
const breakdownQuerySchema = z.object({
  by: z.preprocess((value) => (value === "" ? undefined : value), z.enum(BREAKDOWN_DIMENSIONS).optional()),
});

export type BreakdownQuery = { ok: true; by: BreakdownDimension | null } | { ok: false };

export function parseBreakdownQuery(url: URL): BreakdownQuery {
  const parsed = breakdownQuerySchema.safeParse({ by: url.searchParams.get("by") ?? undefined });
  return parsed.success ? { ok: true, by: parsed.data.by ?? null } : { ok: false };
}
