import type { LoaderFunctionArgs } from "@remix-run/node";
import { crosstabExportResponse } from "~/utils/exports.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => crosstabExportResponse(request, params.code, "csv");
