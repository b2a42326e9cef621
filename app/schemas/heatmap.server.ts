import { z } from "zod";
import { HEATMAP_REFERENCES, type HeatmapReference } from "~/domain/survey/heatmap";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";

/** `?by=&against=` of the heatmap page and its downloads: by 部 against the ward overall unless chosen. */
const heatmapQuerySchema = z.object({
  by: z.enum(BREAKDOWN_DIMENSIONS).default("department"),
  against: z.enum(HEATMAP_REFERENCES).default("overall"),
});

export type HeatmapQuery = { ok: true; by: BreakdownDimension; against: HeatmapReference } | { ok: false };

export function parseHeatmapQuery(url: URL): HeatmapQuery {
  const parsed = heatmapQuerySchema.safeParse({
    by: url.searchParams.get("by") || undefined,
    against: url.searchParams.get("against") || undefined,
  });
  return parsed.success ? { ok: true, ...parsed.data } : { ok: false };
}
