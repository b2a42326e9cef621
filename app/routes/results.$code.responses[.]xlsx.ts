import type { LoaderFunctionArgs } from "@remix-run/node";
import { responsesExportResponse } from "~/utils/exports.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => responsesExportResponse(request, params.code, "xlsx");
