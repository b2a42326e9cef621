import { describe, expect, it, vi } from "vitest";
import type * as RequestScope from "~/utils/request-scope.server";

type ScopeModule = typeof RequestScope;

/** A fresh copy of the module, as each of the two production bundles (server entry, Remix build) holds one. */
async function freshCopy(): Promise<ScopeModule> {
  vi.resetModules();
  return import("~/utils/request-scope.server");
}

describe("request scope", () => {
  it("computes a value once per request when the scope is opened by another copy of the module", async () => {
    const serverEntry = await freshCopy();
    const remixBuild = await freshCopy();
    expect(remixBuild).not.toBe(serverEntry);
    const lookUp = vi.fn(async () => ({ staffId: 7 }));
    const [first, second] = await serverEntry.withRequestScope(() =>
      Promise.all([remixBuild.oncePerRequest("session:a", lookUp), remixBuild.oncePerRequest("session:a", lookUp)]),
    );
    expect(first).toBe(second);
    expect(lookUp).toHaveBeenCalledTimes(1);
  });

  it("does not share values between requests, nor cache outside a request", async () => {
    const scope = await freshCopy();
    const lookUp = vi.fn(async () => Math.random());
    const inFirst = await scope.withRequestScope(() => scope.oncePerRequest("k", lookUp));
    const inSecond = await scope.withRequestScope(() => scope.oncePerRequest("k", lookUp));
    expect(inSecond).not.toBe(inFirst);
    await scope.oncePerRequest("k", lookUp);
    await scope.oncePerRequest("k", lookUp);
    expect(lookUp).toHaveBeenCalledTimes(4);
  });
});
