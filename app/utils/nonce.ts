import { createContext, useContext } from "react";

/**
 * The per-request script nonce of the Content-Security-Policy, set by entry.server. In the browser
 * it is empty: the scripts are already running, and browsers hide the attribute's value anyway.
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
