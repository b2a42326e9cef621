import { type LoaderFunctionArgs, json } from "@remix-run/node";
import { parseDownloadFileName } from "~/schemas/results.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { outputReadyIn, resultsDownload } from "~/utils/exports.server";

/*
 * Every results download (kpi, crosstab, rates, trend, heatmap, responses; CSV or XLSX) is this
 * one route, named by its file: one route instead of twelve makes every page's route matching
 * cheaper (README, Decisions).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const download = parseDownloadFileName(params.download);
  if (!download) throw json({ reason: "not found" }, { status: 404 });
  const user = await requireRole(request, HR_ROLES);
  return resultsDownload(download.report, { request, user, code: params.code, format: download.format, outputReady: outputReadyIn(context) });
}
