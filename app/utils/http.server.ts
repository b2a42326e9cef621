import { randomBytes } from "node:crypto";
import type { Express, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import type { Dictionary } from "~/i18n";
import { getT } from "~/i18n/locale.server";
import type { Env } from "./env.server";
import { isAllowedOrigin } from "./origin";

/*
 * What every request passes before Remix sees it: security headers, the origin check and the body
 * guard. Kept in Express so that no route can forget them, and so that an oversized or malformed
 * body is refused before any of it is read.
 */

type HttpEnv = Pick<Env, "APP_ORIGIN" | "secureCookies" | "MAX_FORM_KB" | "MAX_UPLOAD_MB" | "TRUST_PROXY">;

/** Pages that take files; every other route takes small forms. */
const UPLOAD_PATHS = [/^\/roster\/import\/?$/, /^\/manage\/surveys\/[^/]+\/import\/?$/, /^\/jobs\/response-import\/[^/]+\/?$/];

export function isUploadPath(path: string): boolean {
  return UPLOAD_PATHS.some((pattern) => pattern.test(path));
}

export function bodyLimitFor(path: string, env: Pick<Env, "MAX_FORM_KB" | "MAX_UPLOAD_MB">): number {
  return isUploadPath(path) ? env.MAX_UPLOAD_MB * 1024 * 1024 : env.MAX_FORM_KB * 1024;
}

function contentSecurityPolicy(nonce: string): string {
  // Everything is served from this origin: the app must work on a closed network. Styles keep
  // 'unsafe-inline' for style attributes (charts size their canvas); scripts run only with the nonce.
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    `script-src 'self' 'nonce-${nonce}'`,
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
  ].join("; ");
}

interface DrainableResponse {
  writableNeedDrain: boolean;
  destroyed: boolean;
  once(event: "drain" | "close", listener: () => void): unknown;
  off(event: "drain" | "close", listener: () => void): unknown;
}

/**
 * For the load context: a promise that the response can take more bytes, at once while its
 * buffer has room, else at "drain" (or when the connection closes, after which writing fails
 * and the download is cancelled). Remix's adapter writes a streamed body as fast as it is
 * produced, so without this a slow download would be read from the database and held in memory
 * whole; streamed downloads wait on it before producing each piece.
 */
export function outputReadyOf(res: DrainableResponse): () => Promise<void> {
  return () => {
    if (!res.writableNeedDrain || res.destroyed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const ready = () => {
        res.off("drain", ready);
        res.off("close", ready);
        resolve();
      };
      res.once("drain", ready);
      res.once("close", ready);
    });
  };
}

/** The per-request script nonce, for the load context. */
export function cspNonceOf(res: ExpressResponse): string {
  const nonce: unknown = res.locals.cspNonce;
  return typeof nonce === "string" ? nonce : "";
}

/** Runs first, so every answer carries these headers, refusals included. */
export function securityHeaders(env: Pick<Env, "secureCookies">): RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.set({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": contentSecurityPolicy(nonce),
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    // Only where cookies are secure: HSTS on a plain-HTTP test install would lock browsers out of it.
    if (env.secureCookies) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

async function dictionaryOf(req: ExpressRequest): Promise<Dictionary> {
  return getT(new Request("http://localhost/", { headers: { Cookie: req.get("cookie") ?? "" } }));
}

async function refuse(req: ExpressRequest, res: ExpressResponse, status: number, message: (t: Dictionary) => string) {
  const t = await dictionaryOf(req);
  // The unread rest of the body is not drained: the connection closes instead.
  res.set("Connection", "close").status(status).type("text/plain; charset=utf-8").send(`${status} ${message(t)}`);
}

/**
 * State-changing requests must come from the app's own pages. Remix repeats a narrower check
 * (Origin against Host) that a Host-rewriting proxy or a privacy-stripped `Origin: null` breaks
 * with a 500; once this one has passed, the Origin header is not handed on to it.
 */
export function originCheck(env: Pick<Env, "APP_ORIGIN">): RequestHandler {
  return (req, res, next) => {
    const expected = env.APP_ORIGIN ?? `${req.protocol}://${req.get("host") ?? ""}`;
    if (isAllowedOrigin(req.method, { origin: req.get("origin"), referer: req.get("referer") }, expected)) {
      delete req.headers.origin;
      next();
      return;
    }
    refuse(req, res, 403, (t) => t.validation.crossOriginRefused).catch(next);
  };
}

const FORM_TYPES = ["application/x-www-form-urlencoded"];
const UPLOAD_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function mediaType(req: ExpressRequest): string {
  return (req.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Bodies are bounded per kind of route (forms a few dozen KB, files MAX_UPLOAD_MB) and must be the
 * kind the route reads: anything else is answered here with 400, 411 or 413 in the reader's language.
 */
export function bodyGuard(env: Pick<Env, "MAX_FORM_KB" | "MAX_UPLOAD_MB">): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") {
      next();
      return;
    }
    const declared = req.get("content-length");
    if (declared === undefined && req.get("transfer-encoding") !== undefined) {
      refuse(req, res, 411, (t) => t.validation.lengthRequired).catch(next);
      return;
    }
    const length = Number(declared ?? "0");
    const limit = bodyLimitFor(req.path, env);
    if (!Number.isSafeInteger(length) || length > limit) {
      refuse(req, res, 413, (t) => t.validation.requestTooLarge(Math.max(1, Math.round(limit / 1024)))).catch(next);
      return;
    }
    if (length === 0) {
      // An empty body is an empty form: the route's own validation then names what is missing.
      req.headers["content-type"] = "application/x-www-form-urlencoded";
      next();
      return;
    }
    const accepted = isUploadPath(req.path) ? UPLOAD_TYPES : FORM_TYPES;
    if (!accepted.includes(mediaType(req))) {
      refuse(req, res, 400, (t) => t.validation.badRequestBody).catch(next);
      return;
    }
    next();
  };
}

/** Proxy trust, headers, origin check and body guard, in that order, before anything else is routed. */
export function applySecurity(app: Express, env: HttpEnv): void {
  // Only the configured proxies' X-Forwarded-For is believed (a hop count or their addresses).
  app.set("trust proxy", env.TRUST_PROXY);
  app.use(securityHeaders(env), originCheck(env), bodyGuard(env));
}
