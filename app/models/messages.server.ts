import { randomUUID } from "node:crypto";
import type { Relationship, ValueTag } from "#db/schema";
import { tokyoDate } from "~/domain/dates";
import { MESSAGE_PARTS, type MessageParts, PART_MAX_LENGTH } from "~/domain/imessage-guidance";
import { staffSearchTerms } from "~/domain/roster";
import type { Db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { type Actor, recordAudit } from "./audit.server";
import { notifyMessageReceived, notifyThanksReceived } from "./notifications.server";
import { openRoundFor } from "./rounds.server";

/**
 * I-messages between colleagues. A message is private to its sender and recipient: every query
 * that returns message text names the person asking in its WHERE clause, so a forgotten check in
 * a route cannot leak a message. HR and admins get counts; admins also see reported messages.
 */

const RECIPIENT_SEARCH_LIMIT = 20;

export type MessageErrorReason =
  | "sender_inactive"
  | "recipient_unavailable"
  | "to_self"
  | "invalid_text"
  | "unknown_tag"
  | "daily_limit";

export class MessageError extends Error {
  constructor(readonly reason: MessageErrorReason) {
    super(`I-message refused: ${reason}`);
  }
}

export interface SendMessageInput extends MessageParts {
  senderId: number;
  recipientId: number;
  relationship: Relationship;
  tagIds: readonly number[];
  /** The round it counts for; left out, the sender's open round today (if any). */
  roundId?: number | null;
}

export interface TagRef {
  id: number;
  nameJa: string;
  nameEn: string;
}

/** The staff fields a person is shown by when choosing a recipient. */
export interface StaffCard {
  id: number;
  employeeNumber: string;
  name: string;
  nameKana: string;
  departmentPath: string;
}

/** Runs `work` in a transaction, or inside the caller's when it already holds one (e.g. a demo seed). */
async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Tokyo has no daylight saving time, so its midnight is always 15:00 UTC the day before. */
function startOfTokyoDay(now: Date): string {
  return new Date(`${tokyoDate(now)}T00:00:00+09:00`).toISOString();
}

function staffCards(db: Db) {
  return db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .select([
      "staff.id",
      "staff.employee_number as employeeNumber",
      "staff.name",
      "staff.name_kana as nameKana",
      "departments.path as departmentPath",
    ]);
}

/** Active colleagues (never oneself) whose name, kana, employee number or department matches. */
export async function searchRecipients(db: Db, meId: number, query: string): Promise<StaffCard[]> {
  const terms = staffSearchTerms(query.replace(/[%_\\]/g, ""));
  if (terms.text === "") return [];
  // Names are stored with a full-width space between family and given name; people type them without.
  const compact = terms.text.replace(/\s+/gu, "");
  return staffCards(db)
    .where("staff.active", "=", 1)
    .where("staff.id", "!=", meId)
    .where((eb) =>
      eb.or([
        eb("staff.name", "like", `%${terms.text}%`),
        eb(eb.fn("replace", ["staff.name", eb.val("\u3000"), eb.val("")]), "like", `%${compact}%`),
        eb("staff.name_kana", "like", `%${terms.kana}%`),
        eb("staff.employee_number", "like", `${terms.employeeNumberPrefix}%`),
        eb("departments.path", "like", `%${terms.text}%`),
      ]),
    )
    .orderBy("departments.path")
    .orderBy("staff.name_kana")
    .limit(RECIPIENT_SEARCH_LIMIT)
    .execute();
}

/** An active colleague other than me, by employee number: who the composer is writing to. */
export async function findRecipient(db: Db, meId: number, employeeNumber: string): Promise<StaffCard | null> {
  const row = await staffCards(db)
    .where("staff.employee_number", "=", employeeNumber)
    .where("staff.active", "=", 1)
    .where("staff.id", "!=", meId)
    .executeTakeFirst();
  return row ?? null;
}

/** What the roster says about the two people, or null when it does not know (the sender then chooses). */
export async function relationshipFor(db: Db, meId: number, recipientId: number): Promise<Relationship | null> {
  const people = await db
    .selectFrom("staff")
    .select(["id", "employee_number", "supervisor_number", "department_id"])
    .where("id", "in", [meId, recipientId])
    .execute();
  const me = people.find((person) => person.id === meId);
  const them = people.find((person) => person.id === recipientId);
  if (!me || !them || me.id === them.id) return null;
  if (me.supervisor_number !== null && them.employee_number === me.supervisor_number) return "to_supervisor";
  if (them.supervisor_number !== null && them.supervisor_number === me.employee_number) return "to_report";
  if (me.department_id === them.department_id) return "colleague";
  return null;
}

function toTagRef(tag: Pick<ValueTag, "id" | "name_ja" | "name_en">): TagRef {
  return { id: tag.id, nameJa: tag.name_ja, nameEn: tag.name_en };
}

export async function listActiveTags(db: Db): Promise<TagRef[]> {
  const tags = await db.selectFrom("value_tags").select(["id", "name_ja", "name_en"]).where("active", "=", 1).orderBy("sort_order").execute();
  return tags.map(toTagRef);
}

/** The tags of several messages at once, keyed by message id. */
async function tagsByMessage(db: Db, messageIds: readonly number[]): Promise<Map<number, TagRef[]>> {
  const byMessage = new Map<number, TagRef[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .selectFrom("imessage_tags")
    .innerJoin("value_tags", "value_tags.id", "imessage_tags.tag_id")
    .select(["imessage_tags.message_id", "value_tags.id", "value_tags.name_ja", "value_tags.name_en"])
    .where("imessage_tags.message_id", "in", messageIds)
    .orderBy("value_tags.sort_order")
    .execute();
  for (const row of rows) byMessage.set(row.message_id, [...(byMessage.get(row.message_id) ?? []), toTagRef(row)]);
  return byMessage;
}

async function withTags<T extends { id: number }>(db: Db, messages: T[]): Promise<(T & { tags: TagRef[] })[]> {
  const tags = await tagsByMessage(
    db,
    messages.map((message) => message.id),
  );
  return messages.map((message) => ({ ...message, tags: tags.get(message.id) ?? [] }));
}

function cleanParts(input: MessageParts): MessageParts {
  const parts = { scene: input.scene.trim(), feeling: input.feeling.trim(), effect: input.effect.trim() };
  if (MESSAGE_PARTS.some((part) => parts[part] === "" || parts[part].length > PART_MAX_LENGTH)) {
    throw new MessageError("invalid_text");
  }
  return parts;
}

/**
 * Sends an I-message with its tags. Refuses (MessageError) an inactive sender, an inactive or
 * unknown recipient, oneself, empty or over-long parts, unknown or retired tags, and the
 * (dailyLimit + 1)th message of a Tokyo day (the I_MESSAGE_DAILY_LIMIT setting unless given).
 */
export async function sendMessage(
  db: Db,
  input: SendMessageInput,
  now = new Date(),
  dailyLimit = getEnv().I_MESSAGE_DAILY_LIMIT,
): Promise<{ id: number }> {
  if (input.senderId === input.recipientId) throw new MessageError("to_self");
  const parts = cleanParts(input);
  const tagIds = [...new Set(input.tagIds)];
  return inTransaction(db, async (trx) => {
    const people = await trx.selectFrom("staff").select(["id", "active"]).where("id", "in", [input.senderId, input.recipientId]).execute();
    if (people.find((person) => person.id === input.senderId)?.active !== 1) throw new MessageError("sender_inactive");
    if (people.find((person) => person.id === input.recipientId)?.active !== 1) throw new MessageError("recipient_unavailable");
    if (tagIds.length > 0) {
      const active = await trx.selectFrom("value_tags").select("id").where("id", "in", tagIds).where("active", "=", 1).execute();
      if (active.length !== tagIds.length) throw new MessageError("unknown_tag");
    }
    const sentToday = await trx
      .selectFrom("imessages")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("sender_id", "=", input.senderId)
      .where("created_at", ">=", startOfTokyoDay(now))
      .executeTakeFirstOrThrow();
    if (Number(sentToday.count) >= dailyLimit) throw new MessageError("daily_limit");

    const { id } = await trx
      .insertInto("imessages")
      .values({
        sender_id: input.senderId,
        recipient_id: input.recipientId,
        relationship: input.relationship,
        ...parts,
        // A message written while its sender takes part in an open round counts towards it.
        round_id: input.roundId === undefined ? await openRoundFor(trx, input.senderId, tokyoDate(now)) : input.roundId,
        created_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (tagIds.length > 0) {
      await trx
        .insertInto("imessage_tags")
        .values(tagIds.map((tagId) => ({ message_id: id, tag_id: tagId })))
        .execute();
    }
    await notifyMessageReceived(trx, { id, recipientId: input.recipientId }, now);
    return { id };
  });
}

/** Messages I received and can still see (an administrator may have hidden one I reported), newest first. */
export async function listInbox(db: Db, meId: number) {
  const messages = await db
    .selectFrom("imessages")
    .innerJoin("staff as sender", "sender.id", "imessages.sender_id")
    .select([
      "imessages.id",
      "sender.name as senderName",
      "imessages.relationship",
      "imessages.scene",
      "imessages.created_at as createdAt",
      "imessages.read_at as readAt",
      "imessages.thanked_at as thankedAt",
      "imessages.pinned",
      "imessages.reported_at as reportedAt",
    ])
    .where("imessages.recipient_id", "=", meId)
    .where("imessages.hidden_at", "is", null)
    .orderBy("imessages.created_at", "desc")
    .orderBy("imessages.id", "desc")
    .execute();
  return withTags(db, messages);
}

/** How many messages I reported were then hidden by an administrator: the inbox tells me so. */
export async function hiddenAfterReportCount(db: Db, meId: number): Promise<number> {
  const row = await db
    .selectFrom("imessages")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("recipient_id", "=", meId)
    .where("hidden_at", "is not", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Messages I sent, with whether they were read and thanked; the sender keeps their own text even when hidden. */
export async function listSent(db: Db, meId: number) {
  const messages = await db
    .selectFrom("imessages")
    .innerJoin("staff as recipient", "recipient.id", "imessages.recipient_id")
    .select([
      "imessages.id",
      "recipient.name as recipientName",
      "imessages.relationship",
      "imessages.scene",
      "imessages.created_at as createdAt",
      "imessages.read_at as readAt",
      "imessages.thanked_at as thankedAt",
      "imessages.hidden_at as hiddenAt",
    ])
    .where("imessages.sender_id", "=", meId)
    .orderBy("imessages.created_at", "desc")
    .orderBy("imessages.id", "desc")
    .execute();
  return withTags(db, messages);
}

/**
 * One message, only for its sender or its recipient (and not for the recipient once hidden).
 * Anyone else gets null, exactly as for an id that does not exist, so ids reveal nothing.
 */
export async function getMessageFor(db: Db, meId: number, messageId: number) {
  const message = await db
    .selectFrom("imessages")
    .innerJoin("staff as sender", "sender.id", "imessages.sender_id")
    .innerJoin("staff as recipient", "recipient.id", "imessages.recipient_id")
    .select([
      "imessages.id",
      "imessages.sender_id as senderId",
      "sender.name as senderName",
      "recipient.name as recipientName",
      "imessages.relationship",
      "imessages.scene",
      "imessages.feeling",
      "imessages.effect",
      "imessages.created_at as createdAt",
      "imessages.read_at as readAt",
      "imessages.thanked_at as thankedAt",
      "imessages.pinned",
      "imessages.reported_at as reportedAt",
      "imessages.hidden_at as hiddenAt",
    ])
    .where("imessages.id", "=", messageId)
    .where((eb) =>
      eb.or([
        eb("imessages.sender_id", "=", meId),
        eb.and([eb("imessages.recipient_id", "=", meId), eb("imessages.hidden_at", "is", null)]),
      ]),
    )
    .executeTakeFirst();
  if (!message) return null;
  const [withTheirTags] = await withTags(db, [message]);
  return { ...withTheirTags!, viewer: message.senderId === meId ? ("sender" as const) : ("recipient" as const) };
}

export type MessageForViewer = NonNullable<Awaited<ReturnType<typeof getMessageFor>>>;

/** An update of one visible message I received; true when it changed something. */
function updateReceived(db: Db, meId: number, messageId: number) {
  return db
    .updateTable("imessages")
    .where("id", "=", messageId)
    .where("recipient_id", "=", meId)
    .where("hidden_at", "is", null);
}

const changedAny = (result: { numUpdatedRows: bigint } | { numDeletedRows: bigint }) =>
  ("numUpdatedRows" in result ? result.numUpdatedRows : result.numDeletedRows) > 0n;

export async function markRead(db: Db, meId: number, messageId: number, now = new Date()): Promise<boolean> {
  const result = await updateReceived(db, meId, messageId).set({ read_at: now.toISOString() }).where("read_at", "is", null).executeTakeFirst();
  return changedAny(result);
}

/** The recipient's one-click thanks, once; thanking a message also marks it read. */
export async function thank(db: Db, meId: number, messageId: number, now = new Date()): Promise<boolean> {
  const stamp = now.toISOString();
  return inTransaction(db, async (trx) => {
    const thanked = await updateReceived(trx, meId, messageId)
      .set((eb) => ({ thanked_at: stamp, read_at: eb.fn.coalesce("read_at", eb.val(stamp)) }))
      .where("thanked_at", "is", null)
      .returning("sender_id")
      .executeTakeFirst();
    if (thanked) await notifyThanksReceived(trx, { id: messageId, senderId: thanked.sender_id }, now);
    return thanked !== undefined;
  });
}

/** Pins a message to (or takes it off) my strengths page. */
export async function setPinned(db: Db, meId: number, messageId: number, pinned: boolean): Promise<boolean> {
  const result = await updateReceived(db, meId, messageId).set({ pinned: pinned ? 1 : 0 }).executeTakeFirst();
  return changedAny(result);
}

/** The sender takes a message back, but only before the recipient has read it. */
export async function withdraw(db: Db, meId: number, messageId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("imessages")
    .where("id", "=", messageId)
    .where("sender_id", "=", meId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return changedAny(result);
}

/** The recipient reports a message as inappropriate: from now on admins can read it to decide. */
export async function report(db: Db, reporter: Actor & { id: number }, messageId: number, reason: string, now = new Date()): Promise<boolean> {
  const stamp = now.toISOString();
  return inTransaction(db, async (trx) => {
    const result = await updateReceived(trx, reporter.id, messageId)
      .set((eb) => ({ reported_at: stamp, report_reason: reason.trim(), read_at: eb.fn.coalesce("read_at", eb.val(stamp)) }))
      .where("reported_at", "is", null)
      .executeTakeFirst();
    const reported = changedAny(result);
    // The audit log says that a report happened, never what the message or the reason said.
    if (reported) await recordAudit(trx, reporter, "imessage.report", { messageId }, 1, now);
    return reported;
  });
}

/** The moderation queue: reported messages not yet hidden. The only place where someone other than sender and recipient reads a message. */
export async function listReported(db: Db) {
  const messages = await db
    .selectFrom("imessages")
    .innerJoin("staff as sender", "sender.id", "imessages.sender_id")
    .innerJoin("staff as recipient", "recipient.id", "imessages.recipient_id")
    .select([
      "imessages.id",
      "sender.name as senderName",
      "recipient.name as recipientName",
      "imessages.scene",
      "imessages.feeling",
      "imessages.effect",
      "imessages.created_at as createdAt",
      "imessages.reported_at as reportedAt",
      "imessages.report_reason as reportReason",
    ])
    .where("imessages.reported_at", "is not", null)
    .where("imessages.hidden_at", "is", null)
    .where("imessages.report_dismissed_at", "is", null)
    .orderBy("imessages.reported_at")
    .execute();
  return messages.map((message) => ({ ...message, reportedAt: message.reportedAt!, reportReason: message.reportReason ?? "" }));
}

/** A reported message still waiting for an administrator's decision. */
function awaitingDecision(db: Db, messageId: number) {
  return db
    .updateTable("imessages")
    .where("id", "=", messageId)
    .where("reported_at", "is not", null)
    .where("hidden_at", "is", null)
    .where("report_dismissed_at", "is", null);
}

/** Hides a reported message from its recipient; only reported messages awaiting a decision can be hidden. */
export async function hideMessage(db: Db, admin: Actor & { id: number }, messageId: number, now = new Date()): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const hidden = changedAny(await awaitingDecision(trx, messageId).set({ hidden_at: now.toISOString(), hidden_by: admin.id }).executeTakeFirst());
    if (hidden) await recordAudit(trx, admin, "imessage.hide", { messageId }, 1, now);
    return hidden;
  });
}

/** Closes a report without hiding the message: it stays with its recipient, and the decision is on record. */
export async function dismissReport(db: Db, admin: Actor & { id: number }, messageId: number, now = new Date()): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const dismissed = changedAny(
      await awaitingDecision(trx, messageId).set({ report_dismissed_at: now.toISOString(), report_dismissed_by: admin.id }).executeTakeFirst(),
    );
    if (dismissed) await recordAudit(trx, admin, "imessage.dismiss_report", { messageId }, 1, now);
    return dismissed;
  });
}

export function countUnreadMessages(db: Db, staffId: number) {
  return db
    .selectFrom("imessages")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("recipient_id", "=", staffId)
    .where("read_at", "is", null)
    .where("hidden_at", "is", null);
}

export async function unreadCount(db: Db, staffId: number): Promise<number> {
  const row = await countUnreadMessages(db, staffId).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** My pinned messages, for the strengths page. */
export async function listPinned(db: Db, meId: number) {
  const messages = await db
    .selectFrom("imessages")
    .innerJoin("staff as sender", "sender.id", "imessages.sender_id")
    .select([
      "imessages.id",
      "sender.name as senderName",
      "imessages.scene",
      "imessages.feeling",
      "imessages.effect",
      "imessages.created_at as createdAt",
    ])
    .where("imessages.recipient_id", "=", meId)
    .where("imessages.pinned", "=", 1)
    .where("imessages.hidden_at", "is", null)
    .orderBy("imessages.created_at", "desc")
    .execute();
  return withTags(db, messages);
}

/** Totals for HR and admins: how much appreciation flows, never what it says or who wrote it. */
export async function messageCounts(db: Db) {
  const row = await db
    .selectFrom("imessages")
    .select((eb) => [
      eb.fn.countAll<number>().as("sent"),
      eb.fn.count<number>("read_at").as("read"),
      eb.fn.count<number>("thanked_at").as("thanked"),
      eb.fn.count<number>("reported_at").as("reported"),
      eb.fn.count<number>("hidden_at").as("hidden"),
    ])
    .executeTakeFirstOrThrow();
  return { sent: Number(row.sent), read: Number(row.read), thanked: Number(row.thanked), reported: Number(row.reported), hidden: Number(row.hidden) };
}

/** Every tag, retired ones too, with how many messages carry it: the HR tag page. */
export async function listTagsWithUsage(db: Db) {
  const tags = await db
    .selectFrom("value_tags")
    .leftJoin("imessage_tags", "imessage_tags.tag_id", "value_tags.id")
    .select((eb) => [
      "value_tags.id",
      "value_tags.name_ja as nameJa",
      "value_tags.name_en as nameEn",
      "value_tags.kind",
      "value_tags.active",
      eb.fn.count<number>("imessage_tags.message_id").as("uses"),
    ])
    .groupBy("value_tags.id")
    .orderBy("value_tags.sort_order")
    .execute();
  return tags.map((tag) => ({ ...tag, active: tag.active === 1, uses: Number(tag.uses) }));
}

/** A value tag of HR's own, listed after the seeded ones. */
export async function createTag(db: Db, actor: Actor, names: { nameJa: string; nameEn: string }, now = new Date()) {
  const last = await db.selectFrom("value_tags").select((eb) => eb.fn.max("sort_order").as("max")).executeTakeFirst();
  const { id } = await db
    .insertInto("value_tags")
    .values({
      // Codes name the seeded tags in code and data; custom tags only need a unique one.
      code: `custom-${randomUUID().slice(0, 8)}`,
      name_ja: names.nameJa,
      name_en: names.nameEn,
      kind: "custom",
      sort_order: Number(last?.max ?? 0) + 10,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(db, actor, "value_tag.create", { id, nameJa: names.nameJa, nameEn: names.nameEn }, 1, now);
  return { id };
}

/** Retires a tag (old messages keep it) or brings it back; tags are never deleted. */
export async function setTagActive(db: Db, actor: Actor, tagId: number, active: boolean, now = new Date()): Promise<boolean> {
  const result = await db.updateTable("value_tags").set({ active: active ? 1 : 0 }).where("id", "=", tagId).executeTakeFirst();
  const changed = changedAny(result);
  if (changed) await recordAudit(db, actor, active ? "value_tag.activate" : "value_tag.deactivate", { id: tagId }, 1, now);
  return changed;
}

/** How many of my sent messages were thanked: the staff home shows it. */
export async function thanksReceivedCount(db: Db, meId: number): Promise<number> {
  const row = await db
    .selectFrom("imessages")
    .select((eb) => eb.fn.count<number>("thanked_at").as("count"))
    .where("sender_id", "=", meId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Reports waiting for an administrator's decision. */
export async function awaitingModerationCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom("imessages")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("reported_at", "is not", null)
    .where("hidden_at", "is", null)
    .where("report_dismissed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
