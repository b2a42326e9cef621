import { csvStream, encodeCsv } from "~/domain/export/csv-encode";
import type { ExportFormat, ExportRefusal, FileNames, StreamedTableFile, TableFile } from "~/domain/export/table-file";
import { buildXlsx, xlsxStream } from "~/domain/export/xlsx";
import { dictionaryFor } from "~/i18n";
import type { Dictionary } from "~/i18n/dictionary";
import { getLocale } from "~/i18n/locale.server";
import { exportResponses } from "~/models/response-export.server";
import {
  type ExportRequest,
  type TableExportOutcome,
  exportCrosstabTable,
  exportDepartmentRates,
  exportHeatmap,
  exportKpiTable,
  exportTrend,
} from "~/models/results-tables.server";
import { parseCrosstabQuery } from "~/schemas/crosstab.server";
import { parseHeatmapQuery } from "~/schemas/heatmap.server";
import { type ResultDownload, parseBreakdownQuery } from "~/schemas/results.server";
import type { SessionUser } from "./auth.server";
import { getDb } from "./db.server";

/**
 * Downloads as HTTP responses: the query parsed, the model's export use-case called, its file (or
 * refusal) turned into a response with content type, file names and a streamed body. Who may
 * download is the route's decision (requireRole); what goes into a file and its audit entry are
 * the models' (app/models/results-tables.server.ts, response-export.server.ts).
 */
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function plainText(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Browsers that ignore `filename*` fall back to `filename`, which must be plain ASCII. */
function contentDisposition(names: FileNames, format: ExportFormat): string {
  const ascii = `${names.asciiName}.${format}`.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${names.displayName}.${format}`)}`;
}

function downloadHeaders(names: FileNames, format: ExportFormat): HeadersInit {
  return { "Content-Type": CONTENT_TYPES[format], "Content-Disposition": contentDisposition(names, format), "Cache-Control": "no-store" };
}

/** A table built whole as a CSV or XLSX download, never cached. */
export function tableDownload(file: TableFile, format: ExportFormat): Response {
  const bytes = format === "csv" ? encodeCsv(file.rows) : buildXlsx([{ name: file.sheetName, rows: file.rows, boldHeader: true }]);
  // Copied into an ArrayBuffer-backed array, which is what a Response body is typed to take.
  return new Response(new Uint8Array(bytes), { headers: downloadHeaders(file, format) });
}

/** Resolves when the connection can take the next piece (see outputReadyOf in http.server.ts). */
export type OutputReady = () => Promise<void>;

const ALWAYS_READY: OutputReady = () => Promise.resolve();

/** The server's OutputReady from a loader's context; always ready where there is none (tests). */
export function outputReadyIn(context: unknown): OutputReady {
  const outputReady = (context as { outputReady?: unknown } | undefined)?.outputReady;
  return typeof outputReady === "function" ? (outputReady as OutputReady) : ALWAYS_READY;
}

/**
 * Pulls one piece at a time, and only once the connection has taken the last one, so a slow
 * reader holds back the database reads instead of filling memory.
 */
function readableOf(pieces: AsyncGenerator<Uint8Array>, outputReady: OutputReady): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        await outputReady();
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

/** A table streamed as it is read: the CSV line by line, the XLSX as a deflated stream inside the ZIP. */
export function streamedDownload(file: StreamedTableFile, format: ExportFormat, outputReady: OutputReady = ALWAYS_READY): Response {
  const pieces = format === "csv" ? csvStream(file.chunks) : xlsxStream({ name: file.sheetName, rows: file.chunks, boldHeader: true });
  return new Response(readableOf(pieces, outputReady), { headers: downloadHeaders(file, format) });
}

/** Why there is no file, as the status and message the reader gets. */
export function refusalResponse(refusal: ExportRefusal, t: Dictionary): Response {
  switch (refusal.reason) {
    case "unknown_survey":
    case "unknown_question":
      return plainText(t.common.notFoundBody, 404);
    case "invalid_query":
      return plainText(t.results.exports.invalidQuery, 400);
    default:
      return plainText(t.results.withheld[refusal.reason](refusal.minimumSize), 409);
  }
}

/** The signed-in reader a route has already authorised, and the download they asked for. */
interface DownloadAsk {
  request: Request;
  user: SessionUser;
  code: string | undefined;
  format: ExportFormat;
  /** For streamed downloads: when the connection can take more (outputReadyIn(context)). */
  outputReady?: OutputReady;
}

async function exportRequestOf({ request, user, format }: DownloadAsk): Promise<ExportRequest> {
  const locale = await getLocale(request);
  return { actor: { id: user.id, label: user.employeeNumber }, format, t: dictionaryFor(locale), locale };
}

function tableResponse(outcome: TableExportOutcome, exportRequest: ExportRequest): Response {
  return outcome.ok ? tableDownload(outcome.file, exportRequest.format) : refusalResponse(outcome, exportRequest.t);
}

/** `/results/:code/kpi.(csv|xlsx)?by=` */
async function kpiDownload(ask: DownloadAsk): Promise<Response> {
  const exportRequest = await exportRequestOf(ask);
  const query = parseBreakdownQuery(new URL(ask.request.url));
  if (!query.ok) return refusalResponse({ ok: false, reason: "invalid_query" }, exportRequest.t);
  return tableResponse(await exportKpiTable(getDb(), exportRequest, ask.code ?? "", query.by), exportRequest);
}

/** `/results/:code/crosstab.(csv|xlsx)?question=&by=` */
async function crosstabDownload(ask: DownloadAsk): Promise<Response> {
  const exportRequest = await exportRequestOf(ask);
  const query = parseCrosstabQuery(new URL(ask.request.url));
  if (!query.ok || query.question === null || query.by === null) return refusalResponse({ ok: false, reason: "invalid_query" }, exportRequest.t);
  return tableResponse(await exportCrosstabTable(getDb(), exportRequest, ask.code ?? "", query.question, query.by), exportRequest);
}

/** `/results/:code/rates.(csv|xlsx)` */
async function departmentRatesDownload(ask: DownloadAsk): Promise<Response> {
  const exportRequest = await exportRequestOf(ask);
  return tableResponse(await exportDepartmentRates(getDb(), exportRequest, ask.code ?? ""), exportRequest);
}

/** `/results/:code/trend.(csv|xlsx)` */
async function trendDownload(ask: DownloadAsk): Promise<Response> {
  const exportRequest = await exportRequestOf(ask);
  return tableResponse(await exportTrend(getDb(), exportRequest, ask.code ?? ""), exportRequest);
}

/** `/results/:code/heatmap.(csv|xlsx)?by=&against=` */
async function heatmapDownload(ask: DownloadAsk): Promise<Response> {
  const exportRequest = await exportRequestOf(ask);
  const query = parseHeatmapQuery(new URL(ask.request.url));
  if (!query.ok) return plainText(exportRequest.t.heatmap.invalidQuery, 400);
  return tableResponse(await exportHeatmap(getDb(), exportRequest, ask.code ?? "", query.by, query.against), exportRequest);
}

/** `/results/:code/responses.(csv|xlsx)`: streamed, whatever the survey's size. */
async function responsesDownload(ask: DownloadAsk): Promise<Response> {
  const exportRequest = await exportRequestOf(ask);
  const outcome = await exportResponses(getDb(), exportRequest, ask.code ?? "");
  return outcome.ok ? streamedDownload(outcome.file, ask.format, ask.outputReady) : refusalResponse(outcome, exportRequest.t);
}

const DOWNLOADS: Record<ResultDownload, (ask: DownloadAsk) => Promise<Response>> = {
  kpi: kpiDownload,
  crosstab: crosstabDownload,
  rates: departmentRatesDownload,
  trend: trendDownload,
  heatmap: heatmapDownload,
  responses: responsesDownload,
};

/** A results download for a reader the route has authorised: `/results/:code/<report>.<csv|xlsx>`. */
export function resultsDownload(report: ResultDownload, ask: DownloadAsk): Promise<Response> {
  return DOWNLOADS[report](ask);
}
