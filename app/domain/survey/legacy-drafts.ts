/**
 * Drafts kept by earlier versions in plain text under the survey code alone. Apart from
 * answer-form.ts so the sign-in page, which removes them, does not share the survey page's chunk.
 */
export function isLegacyDraftKey(storageKey: string): boolean {
  return /^yell:survey:.*:answers$/.test(storageKey);
}
