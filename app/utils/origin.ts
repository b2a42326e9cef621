const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a request may change anything: state-changing methods must come from the app's own
 * pages. Browsers send Origin with every POST; Referer stands in where a privacy setting drops it.
 */
export function isAllowedOrigin(
  method: string,
  headers: { origin?: string | undefined; referer?: string | undefined },
  expectedOrigin: string,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const claimed = headers.origin && headers.origin !== "null" ? originOf(headers.origin) : originOf(headers.referer);
  return claimed !== null && claimed === originOf(expectedOrigin);
}
