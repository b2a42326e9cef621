import type { LoaderFunctionArgs } from "@remix-run/node";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { outputReadyIn, responsesDownload } from "~/utils/exports.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  return responsesDownload({ request, user, code: params.code, format: "csv", outputReady: outputReadyIn(context) });
}
