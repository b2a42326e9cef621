import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import type * as RequestScope from "~/utils/request-scope.server";

type ScopeModule = typeof RequestScope;

/** A fresh copy of the module, as each of the two production bundles (server entry, Remix build) holds one. */
async function freshCopy(): Promise<ScopeModule> {
  vi.resetModules();
  return import("~/utils/request-scope.server");
}

/** An incoming request as the HTTP server gets it, its response, and the Request Remix makes of it for a loader. */
function incoming(headers: Record<string, string> = {}) {
  const req = { headers: { ...headers } as Record<string, string | string[] | undefined> };
  const res = new EventEmitter();
  const asRemixRequest = () => new Request("http://localhost/", { headers: req.headers as Record<string, string> });
  return { req, res, asRemixRequest };
}

describe("request scope", () => {
  it("computes a value once per request when the scope is opened by another copy of the module", async () => {
    const serverEntry = await freshCopy();
    const remixBuild = await freshCopy();
    expect(remixBuild).not.toBe(serverEntry);
    const { req, res, asRemixRequest } = incoming();
    serverEntry.openRequestScope(req, res);
    const lookUp = vi.fn(async () => ({ staffId: 7 }));
    // Each loader gets its own copy of the Request.
    const [first, second] = await Promise.all([
      remixBuild.oncePerRequest(asRemixRequest(), "session:a", lookUp),
      remixBuild.oncePerRequest(asRemixRequest(), "session:a", lookUp),
    ]);
    expect(first).toBe(second);
    expect(lookUp).toHaveBeenCalledTimes(1);
  });

  it("does not share values between requests, after the response closed, nor outside a request", async () => {
    const scope = await freshCopy();
    const lookUp = vi.fn(async () => Math.random());
    const first = incoming();
    const second = incoming();
    scope.openRequestScope(first.req, first.res);
    scope.openRequestScope(second.req, second.res);
    const inFirst = await scope.oncePerRequest(first.asRemixRequest(), "k", lookUp);
    expect(await scope.oncePerRequest(second.asRemixRequest(), "k", lookUp)).not.toBe(inFirst);
    first.res.emit("close");
    expect(await scope.oncePerRequest(first.asRemixRequest(), "k", lookUp)).not.toBe(inFirst);
    await scope.oncePerRequest(new Request("http://localhost/"), "k", lookUp);
    await scope.oncePerRequest(new Request("http://localhost/"), "k", lookUp);
    expect(lookUp).toHaveBeenCalledTimes(5);
  });

  it("names the request itself: a client cannot join another request's scope by sending the header", async () => {
    const scope = await freshCopy();
    const victim = incoming();
    scope.openRequestScope(victim.req, victim.res);
    const victimId = victim.req.headers[scope.REQUEST_ID_HEADER];
    const attacker = incoming({ [scope.REQUEST_ID_HEADER]: String(victimId) });
    scope.openRequestScope(attacker.req, attacker.res);
    expect(attacker.req.headers[scope.REQUEST_ID_HEADER]).not.toBe(victimId);
    const secret = vi.fn(async () => "the victim's session");
    await scope.oncePerRequest(victim.asRemixRequest(), "session", secret);
    expect(await scope.oncePerRequest(attacker.asRemixRequest(), "session", async () => "own")).toBe("own");
  });
});
