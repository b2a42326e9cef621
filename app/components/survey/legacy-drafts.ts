import { isLegacyDraftKey } from "~/domain/survey/legacy-drafts";

/**
 * Plain-text drafts of earlier versions, readable by anyone at the browser: removed after sign-out.
 * Apart from saved-answers.tsx, so the sign-in page does not share the survey page's draft code
 * (a module two pages share is a chunk of its own for both). Storage can be missing: nothing to do then.
 */
export function forgetLegacyDrafts(): void {
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, index) => window.localStorage.key(index));
    for (const key of keys) if (key !== null && isLegacyDraftKey(key)) window.localStorage.removeItem(key);
  } catch {
    // See above.
  }
}
