import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { deleteSession } from "~/models/session.server";
import { getDb } from "~/utils/db.server";
import { clearSessionCookieHeader, readSessionSecret } from "~/utils/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const secret = await readSessionSecret(request);
  if (secret) await deleteSession(getDb(), secret);
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": await clearSessionCookieHeader() } });
}

export function loader() {
  return redirect("/");
}
