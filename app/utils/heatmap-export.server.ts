import { heatmapExport } from "~/models/heatmap.server";
import { parseHeatmapQuery } from "~/schemas/heatmap.server";
import { type KpiExportFormat, plainText, tableExportResponse } from "./exports.server";

/** The heatmap (`?by=&against=`) as a download, for HR only, audited, through the shared table export. */
export function heatmapExportResponse(request: Request, code: string | undefined, format: KpiExportFormat): Promise<Response> {
  return tableExportResponse(request, code, format, { figures: true }, async (context) => {
    const query = parseHeatmapQuery(context.url);
    if (!query.ok) throw plainText(context.t.heatmap.invalidQuery, 400);
    return heatmapExport(context, query.by, query.against);
  });
}
