import { AsyncLocalStorage } from "node:async_hooks";

/*
 * Values worked out once per HTTP request and shared by every loader it runs (the root loader and
 * the page's loader both need the signed-in person). The server runs each request inside a scope;
 * outside one (tests calling a loader directly, the CLI) nothing is cached.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

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
