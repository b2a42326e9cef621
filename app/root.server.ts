/**
 * What the root route's loader uses, imported through this one module. In the browser build
 * Remix's classic compiler swaps every `.server` import for an empty CommonJS module, and each
 * one shared between routes becomes a chunk of its own that the browser fetches (three more on
 * every page, from the root alone); a module only the root imports is inlined. formatDateTime is not server
 * code, but only the loader uses it: through here, pages that show no dates skip the dates chunk.
 */
export { formatDateTime } from "~/domain/dates";
export { headerWords } from "~/domain/navigation";
export { getLocale } from "~/i18n/locale.server";
export { bellCounts } from "~/models/bell.server";
export type { SessionUser } from "~/models/session.server";
export { getUser } from "~/utils/auth.server";
export { getDb } from "~/utils/db.server";
