/**
 * The server-side code the root route's loader uses, imported through this one module. In the
 * browser build Remix's classic compiler swaps every `.server` import for an empty CommonJS
 * module, and each one shared between routes becomes a chunk of its own that every page fetched
 * (three more for every page, from the root alone); a module imported only by the root is inlined into its chunk.
 */
export { getLocale } from "~/i18n/locale.server";
export { unreadCount } from "~/models/messages.server";
export { unreadNotificationCount } from "~/models/notifications.server";
export { getUser } from "~/utils/auth.server";
