import { z } from "zod";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";

/** `?question=&by=` of the cross-tab page and its exports; the page picks defaults for what is left out. */
const crosstabQuerySchema = z.object({
  question: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/).optional()),
  by: z.preprocess((value) => (value === "" ? undefined : value), z.enum(BREAKDOWN_DIMENSIONS).optional()),
});

export type CrosstabQuery = { ok: true; question: string | null; by: BreakdownDimension | null } | { ok: false };

export function parseCrosstabQuery(url: URL): CrosstabQuery {
  const parsed = crosstabQuerySchema.safeParse({
    question: url.searchParams.get("question") ?? undefined,
    by: url.searchParams.get("by") ?? undefined,
  });
  return parsed.success ? { ok: true, question: parsed.data.question ?? null, by: parsed.data.by ?? null } : { ok: false };
}
