import type { LoaderFunctionArgs } from "@remix-run/node";
import { kpiExportResponse } from "~/utils/exports.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => kpiExportResponse(request, params.code, "xlsx");
