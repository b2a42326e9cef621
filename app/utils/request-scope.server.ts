import { AsyncLocalStorage } from "node:async_hooks";

/*
 * Values worked out once per HTTP request and shared by every loader it runs (the root loader and
 * the page's loader both need the signed-in person). The server runs each request inside a scope;
 * outside one (tests calling a loader directly, the CLI) nothing is cached.
 */
declare global {
  // The server entry (build/server.js) opens the scope and the Remix build (build/index.js) reads
  // it: two bundles, each with its own copy of this module, so the storage itself must be shared.
  var __yellRequestScope: AsyncLocalStorage<Map<string, Promise<unknown>>> | undefined;
}

const scope = (globalThis.__yellRequestScope ??= new AsyncLocalStorage<Map<string, Promise<unknown>>>());

export function withRequestScope<T>(run: () => T): T {
  return scope.run(new Map(), run);
}

export function oncePerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const cache = scope.getStore();
  if (!cache) return compute();
  const cached = cache.get(key) as Promise<T> | undefined;
  if (cached) return cached;
  const value = compute();
  cache.set(key, value);
  return value;
}
