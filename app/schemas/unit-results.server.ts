import { z } from "zod";
import { HEATMAP_REFERENCES, type HeatmapReference } from "~/domain/survey/heatmap";

/** `?unit=&against=` of a unit's results page. */
const unitQuerySchema = z.object({
  unit: z.string().trim().min(1).max(200),
  against: z.enum(HEATMAP_REFERENCES).default("overall"),
});

export function parseUnitQuery(url: URL): { ok: true; unit: string; against: HeatmapReference } | { ok: false } {
  const parsed = unitQuerySchema.safeParse({ unit: url.searchParams.get("unit") ?? "", against: url.searchParams.get("against") || undefined });
  return parsed.success ? { ok: true, ...parsed.data } : { ok: false };
}
