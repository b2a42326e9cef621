import { z } from "zod";
import type { ExportFormat } from "~/domain/export/table-file";
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

/** The results downloads, each as CSV or XLSX: `/results/:code/<report>.<format>`. */
export const RESULT_DOWNLOADS = ["kpi", "crosstab", "rates", "trend", "heatmap", "responses"] as const;
export type ResultDownload = (typeof RESULT_DOWNLOADS)[number];

const downloadFileNameSchema = z
  .string()
  .transform((name) => name.split("."))
  .pipe(z.tuple([z.enum(RESULT_DOWNLOADS), z.enum(["csv", "xlsx"])]));

/** The report and format a download's file name asks for, or null for a name that is none of them. */
export function parseDownloadFileName(name: string | undefined): { report: ResultDownload; format: ExportFormat } | null {
  const parsed = downloadFileNameSchema.safeParse(name);
  return parsed.success ? { report: parsed.data[0], format: parsed.data[1] } : null;
}
