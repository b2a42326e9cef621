import { type ActionFunctionArgs, json } from "@remix-run/node";
import { getT } from "~/i18n/locale.server";
import { loadSurveyDefinition } from "~/models/surveys.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { startResponseImport } from "~/utils/response-import.server";

/**
 * Starts importing a past year's answers for the import page's script, which then shows progress
 * in place (a page navigation would wait for the loaders while the import holds the database).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const definition = await loadSurveyDefinition(getDb(), params.code ?? "");
  if (!definition) throw json({ reason: "not found" }, { status: 404 });
  const started = await startResponseImport(request, await getT(request), definition, { id: user.id, label: user.employeeNumber });
  if (!started.ok) return json({ errors: started.errors }, { status: 400 });
  return json({ jobId: started.jobId }, { status: 202 });
}
