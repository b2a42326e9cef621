import { type LoaderFunctionArgs, json } from "@remix-run/node";
import { jobProgress } from "~/utils/jobs.server";
import { readSessionSecret } from "~/utils/session.server";

/**
 * The progress of a running import, polled by its page. Answered without the database (the
 * import may be holding it): the job is found by its random id and the session cookie that started it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const secret = await readSessionSecret(request);
  const state = secret && params.id ? jobProgress(params.id, secret) : null;
  if (!state) throw json({ reason: "not found" }, { status: 404 });
  return json(state, { headers: { "Cache-Control": "no-store" } });
}
