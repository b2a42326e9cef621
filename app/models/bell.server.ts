import type { Db } from "~/utils/db.server";
import { countUnreadMessages } from "./messages.server";
import { countUnreadNotifications } from "./notifications.server";

/**
 * What the header's badges show on every page: unread messages and unread notifications, read in
 * one statement (each page would otherwise pay two round trips through the query builder).
 */
export async function bellCounts(db: Db, staffId: number): Promise<{ unread: number; notifications: number }> {
  const row = await db
    .selectNoFrom([countUnreadMessages(db, staffId).as("unread"), countUnreadNotifications(db, staffId).as("notifications")])
    .executeTakeFirstOrThrow();
  return { unread: Number(row.unread), notifications: Number(row.notifications) };
}
