import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";

/** The cookie carries only a random id; everything else lives in the sessions table. */
export function sessionCookie() {
  const env = getEnv();
  return createCookie("yell_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    // No maxAge: the browser forgets it at close; the server enforces idle and absolute limits.
  });
}

export async function readSessionSecret(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function sessionPolicies() {
  const env = getEnv();
  return {
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS },
    throttle: { maxFailures: env.SIGN_IN_MAX_FAILURES, lockMinutes: env.SIGN_IN_LOCK_MINUTES },
  };
}

export async function setSessionCookieHeader(secret: string): Promise<string> {
  return sessionCookie().serialize(secret);
}

export async function clearSessionCookieHeader(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0 });
}
