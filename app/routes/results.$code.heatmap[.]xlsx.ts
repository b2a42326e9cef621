import type { LoaderFunctionArgs } from "@remix-run/node";
import { heatmapExportResponse } from "~/utils/heatmap-export.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => heatmapExportResponse(request, params.code, "xlsx");
