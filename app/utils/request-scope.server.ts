/*
 * Values worked out once per HTTP request and shared by every loader it runs (the root loader and
 * the page's loader both need the signed-in person). The HTTP server names each request in a
 * header, set over anything the client sent, which Remix copies into the Request every loader
 * gets; the request's values are forgotten when its response closes. Without the header (tests
 * calling a loader directly, the CLI) nothing is cached.
 *
 * Not AsyncLocalStorage: its promise hooks run on every promise of the process, and cost each page
 * more than the second session lookup they saved (README, Decisions).
 */
declare global {
  // The server entry (build/server.js) opens the scopes and the Remix build (build/index.js) reads
  // them: two bundles, each with its own copy of this module, so the table itself must be shared.
  var __yellRequestScopes: Map<string, Map<string, Promise<unknown>>> | undefined;
}

const scopes = (globalThis.__yellRequestScopes ??= new Map<string, Map<string, Promise<unknown>>>());

export const REQUEST_ID_HEADER = "x-yell-request-id";

let lastRequestId = 0;

interface IncomingRequest {
  headers: Record<string, string | string[] | undefined>;
}

interface OutgoingResponse {
  once(event: "close", listener: () => void): unknown;
}

/** For the HTTP server, before Remix sees the request: names it, and forgets its values once its response closes. */
export function openRequestScope(req: IncomingRequest, res: OutgoingResponse): void {
  const id = String(++lastRequestId);
  req.headers[REQUEST_ID_HEADER] = id;
  scopes.set(id, new Map());
  res.once("close", () => scopes.delete(id));
}

export function oncePerRequest<T>(request: Request, key: string, compute: () => Promise<T>): Promise<T> {
  const id = request.headers.get(REQUEST_ID_HEADER);
  const values = id === null ? undefined : scopes.get(id);
  if (!values) return compute();
  const known = values.get(key) as Promise<T> | undefined;
  if (known) return known;
  const value = compute();
  values.set(key, value);
  return value;
}
