import { type Db, type ValueSlots, reusableQuery } from "~/utils/db.server";
import { countUnreadMessages } from "./messages.server";
import { countUnreadNotifications } from "./notifications.server";

const unreadCounts = reusableQuery((db, value: ValueSlots<{ staffId: number }>) =>
  db.selectNoFrom([countUnreadMessages(db, value("staffId")).as("unread"), countUnreadNotifications(db, value("staffId")).as("notifications")]),
);

/**
 * What the header's badges show on every page: unread messages and unread notifications, read in
 * one statement (each page would otherwise pay two round trips through the query builder).
 */
export async function bellCounts(db: Db, staffId: number): Promise<{ unread: number; notifications: number }> {
  // A select without FROM always yields exactly one row.
  const [row] = await unreadCounts(db, { staffId });
  return { unread: Number(row!.unread), notifications: Number(row!.notifications) };
}
