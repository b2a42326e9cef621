/** Which staff a batch of setup letters is for; the filters combine. */
export interface LetterSelection {
  /** A 部 (top-level department) name, or null for every department. */
  department: string | null;
  /** YYYY-MM-DD: only people added to the roster on or after this day. */
  addedSince: string | null;
  /** Only people who have never set a password. */
  withoutPasswordOnly: boolean;
}
