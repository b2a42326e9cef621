import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { createSession } from "~/models/session.server";
import { sessionCookie } from "~/utils/session.server";

/** Points the app's one connection at a test database, for calling loaders and actions directly. */
export function useDatabaseForApp(db: Kysely<Database>) {
  globalThis.__yellDb = db;
}

/** A request as the browser of a signed-in person would send it. */
export async function requestAs(
  db: Kysely<Database>,
  staffId: number | null,
  url: string,
  init: RequestInit = {},
): Promise<Request> {
  const headers = new Headers(init.headers);
  if (staffId !== null) {
    const secret = await createSession(db, staffId, { idleMinutes: 30, absoluteHours: 12 });
    headers.set("Cookie", await sessionCookie().serialize(secret));
  }
  return new Request(new URL(url, "http://localhost"), { ...init, headers });
}

/**
 * Runs a loader or action and returns the Response it answered or threw (Remix throws redirects
 * and 403s). A plain object becomes the JSON response Remix answers a data request with.
 */
export async function responseOf(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    if (result !== null && typeof result === "object") return Response.json(result);
    throw new Error("expected a Response or an object");
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
