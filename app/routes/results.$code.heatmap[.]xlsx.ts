import type { LoaderFunctionArgs } from "@remix-run/node";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { heatmapDownload } from "~/utils/exports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  return heatmapDownload({ request, user, code: params.code, format: "xlsx" });
}
