import type { LoaderFunctionArgs } from "@remix-run/node";
import { departmentRatesExport } from "~/models/results-tables.server";
import { tableExportResponse } from "~/utils/exports.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  tableExportResponse(request, params.code, "csv", { figures: false }, departmentRatesExport);
