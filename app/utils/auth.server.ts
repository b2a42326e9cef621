import { json, redirect } from "@remix-run/node";
import type { Role } from "#db/schema";
import { type SessionUser, findSessionUser } from "~/models/session.server";
import { getDb } from "./db.server";
import { oncePerRequest } from "./request-scope.server";
import { readSessionSecret, sessionPolicies } from "./session.server";

export type { SessionUser };

export async function getUser(request: Request): Promise<SessionUser | null> {
  const secret = await readSessionSecret(request);
  if (!secret) return null;
  const lookUp = () => findSessionUser(getDb(), secret, sessionPolicies().session);
  // Loaders of one page view share the lookup; an action's outcome (a sign-out, a password change)
  // must be seen by the loaders that run after it, so state-changing requests look up afresh.
  return request.method === "GET" || request.method === "HEAD" ? oncePerRequest(request, `session:${secret}`, lookUp) : lookUp();
}

const PARSE_BASE = new URL("http://yell.invalid/");

/**
 * Where to come back to after signing in: only paths on this site, judged after the URL parser has
 * normalised them the way a browser will (tabs and newlines dropped, backslashes read as slashes,
 * dot segments resolved), so "/\t/evil.example/" cannot turn into "//evil.example/".
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, PARSE_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== PARSE_BASE.origin || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export const HR_ROLES: readonly Role[] = ["hr", "admin"];

/** Signed in and holding one of the roles, or a 403 page. Checked on the server for every loader and action. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw json({ reason: "forbidden" }, { status: 403 });
  }
  return user;
}

export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" ? address : "unknown";
}
