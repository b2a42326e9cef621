import { json, redirect } from "@remix-run/node";
import type { Role } from "#db/schema";
import { type SessionUser, findSessionUser } from "~/models/session.server";
import { getDb } from "./db.server";
import { readSessionSecret, sessionPolicies } from "./session.server";

export type { SessionUser };

export async function getUser(request: Request): Promise<SessionUser | null> {
  const secret = await readSessionSecret(request);
  if (!secret) return null;
  return findSessionUser(getDb(), secret, sessionPolicies().session);
}

/** Where to come back to after signing in: only paths on this site. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
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
