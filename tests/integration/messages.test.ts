import { bellCounts } from "~/models/bell.server";
import { describe, expect, it } from "vitest";
import {
  MessageError,
  type SendMessageInput,
  createTag,
  getMessageFor,
  hiddenAfterReportCount,
  hideMessage,
  listActiveTags,
  listInbox,
  listPinned,
  listReported,
  listSent,
  markRead,
  messageCounts,
  relationshipFor,
  report,
  searchRecipients,
  sendMessage,
  setPinned,
  setTagActive,
  thank,
  unreadCount,
  withdraw,
} from "~/models/messages.server";
import { action as messageAction, loader as messageLoader } from "~/routes/messages.$id";
import { action as composeAction } from "~/routes/messages.new";
import { action as moderationAction, loader as moderationLoader } from "~/routes/manage.moderation";
import { getEnv } from "~/utils/env.server";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);

const chief = await createStaff(db, { employeeNumber: "M00001", name: "上司\u3000一郎", departmentPath: "区民部/戸籍課/戸籍係" });
const sender = await createStaff(db, { employeeNumber: "M00002", name: "送信\u3000花子", departmentPath: "区民部/戸籍課/戸籍係", supervisorNumber: "M00001" });
const recipient = await createStaff(db, { employeeNumber: "M00003", name: "受信\u3000次郎", departmentPath: "区民部/戸籍課/戸籍係", supervisorNumber: "M00001" });
const outsider = await createStaff(db, { employeeNumber: "M00004", name: "第三\u3000三郎", departmentPath: "福祉部/福祉課/援護係" });
const hr = await createStaff(db, { employeeNumber: "M00005", role: "hr" });
const admin = await createStaff(db, { employeeNumber: "M00006", role: "admin" });
const retired = await createStaff(db, { employeeNumber: "M00007", name: "退職\u3000四郎", active: false });
const adminActor = { id: admin.id, label: admin.employee_number };

const tags = await listActiveTags(db);
const parts = {
  scene: "システム障害の日に窓口の応対を代わってくれた",
  feeling: "とても心強く、安心して作業に集中できました",
  effect: "区民の方を待たせずに報告書も期限内に出せました",
};

function draft(overrides: Partial<SendMessageInput> = {}): SendMessageInput {
  return { senderId: sender.id, recipientId: recipient.id, relationship: "colleague", ...parts, tagIds: [tags[0]!.id, tags[3]!.id], ...overrides };
}

async function refusal(input: SendMessageInput, now?: Date) {
  try {
    await sendMessage(db, input, now);
  } catch (error) {
    if (error instanceof MessageError) return error.reason;
    throw error;
  }
  return "sent";
}

async function messageRequest(staffId: number, id: number, form?: Record<string, string>) {
  const init = form ? { method: "POST", body: new URLSearchParams(form) } : {};
  return { request: await requestAs(db, staffId, `/messages/${id}`, init), params: { id: String(id) }, context: {} };
}

describe("finding a recipient and the relationship", () => {
  it("searches active colleagues by name without the space, kana, number and department, never oneself", async () => {
    const names = async (query: string) => (await searchRecipients(db, sender.id, query)).map((person) => person.employeeNumber);
    expect(await names("受信次郎")).toEqual(["M00003"]);
    expect(await names("M0000")).not.toContain("M00002");
    expect(await names("M0000")).not.toContain("M00007");
    expect(await names("援護係")).toEqual(["M00004"]);
    expect(await names("しけん")).toContain("M00001");
    expect(await names("")).toEqual([]);
  });

  it("reads the relationship from the roster's supervisor numbers and departments", async () => {
    expect(await relationshipFor(db, sender.id, chief.id)).toBe("to_supervisor");
    expect(await relationshipFor(db, chief.id, sender.id)).toBe("to_report");
    expect(await relationshipFor(db, sender.id, recipient.id)).toBe("colleague");
    expect(await relationshipFor(db, sender.id, outsider.id)).toBeNull();
  });
});

describe("sending", () => {
  it("stores the message with its tags and puts it in the recipient's inbox as unread", async () => {
    const { id } = await sendMessage(db, draft());
    const [received] = await listInbox(db, recipient.id);
    expect(received).toMatchObject({ id, senderName: "送信\u3000花子", readAt: null, scene: parts.scene });
    expect(received!.tags.map((tag) => tag.nameJa)).toEqual(["たすけあエール", "積極性"]);
    expect(await unreadCount(db, recipient.id)).toBe(1);
    // The header's badge reads the same count (with the notification the message raised).
    expect(await bellCounts(db, recipient.id)).toEqual({ unread: 1, notifications: 1 });
    expect((await listSent(db, sender.id)).map((message) => message.id)).toContain(id);
    await withdraw(db, sender.id, id);
  });

  it("refuses oneself, inactive or unknown recipients, blank or over-long parts and retired tags", async () => {
    expect(await refusal(draft({ recipientId: sender.id }))).toBe("to_self");
    expect(await refusal(draft({ recipientId: retired.id }))).toBe("recipient_unavailable");
    expect(await refusal(draft({ recipientId: 999_999 }))).toBe("recipient_unavailable");
    expect(await refusal(draft({ senderId: retired.id }))).toBe("sender_inactive");
    expect(await refusal(draft({ feeling: "   " }))).toBe("invalid_text");
    expect(await refusal(draft({ effect: "あ".repeat(401) }))).toBe("invalid_text");
    const custom = await createTag(db, adminActor, { nameJa: "挑戦", nameEn: "Challenge" });
    await setTagActive(db, adminActor, custom.id, false);
    expect(await refusal(draft({ tagIds: [custom.id] }))).toBe("unknown_tag");
    expect(await refusal(draft({ tagIds: [424_242] }))).toBe("unknown_tag");
    expect((await listActiveTags(db)).map((tag) => tag.id)).not.toContain(custom.id);
    await setTagActive(db, adminActor, custom.id, true);
    expect((await listActiveTags(db)).at(-1)).toMatchObject({ id: custom.id, nameJa: "挑戦" });
  });

  it("stops at the daily limit (I_MESSAGE_DAILY_LIMIT, 20 by default), counted from midnight in Tokyo", async () => {
    const writer = await createStaff(db, {});
    const lateEvening = new Date("2026-12-01T14:30:00Z"); // 23:30 in Tokyo
    const limit = getEnv().I_MESSAGE_DAILY_LIMIT;
    expect(limit).toBe(20);
    for (let i = 0; i < limit; i++) await sendMessage(db, draft({ senderId: writer.id }), lateEvening);
    expect(await refusal(draft({ senderId: writer.id }), lateEvening)).toBe("daily_limit");
    expect(await refusal(draft({ senderId: writer.id }), new Date("2026-12-01T15:00:00Z"))).toBe("sent");
  });

  it("takes another daily limit from I_MESSAGE_DAILY_LIMIT and refuses a bad one by name", async () => {
    const { I_MESSAGE_DAILY_LIMIT: limit } = getEnv({ NODE_ENV: "test", I_MESSAGE_DAILY_LIMIT: "3" });
    expect(limit).toBe(3);
    expect(() => getEnv({ NODE_ENV: "test", I_MESSAGE_DAILY_LIMIT: "0" })).toThrow(/I_MESSAGE_DAILY_LIMIT/);
    const writer = await createStaff(db, {});
    const noon = new Date("2026-12-02T03:00:00Z");
    for (let i = 0; i < limit; i++) await sendMessage(db, draft({ senderId: writer.id }), noon, limit);
    await expect(sendMessage(db, draft({ senderId: writer.id }), noon, limit)).rejects.toMatchObject({ reason: "daily_limit" });
  });
});

describe("privacy", () => {
  it("shows a message to its sender and recipient only, by model and by URL", async () => {
    const { id } = await sendMessage(db, draft());
    expect(await getMessageFor(db, sender.id, id)).toMatchObject({ id, viewer: "sender" });
    expect(await getMessageFor(db, recipient.id, id)).toMatchObject({ id, viewer: "recipient", feeling: parts.feeling });
    for (const stranger of [outsider, hr, admin]) {
      expect(await getMessageFor(db, stranger.id, id)).toBeNull();
      const page = await responseOf(async () => messageLoader(await messageRequest(stranger.id, id)));
      expect(page.status).toBe(404);
      const post = await responseOf(async () => messageAction(await messageRequest(stranger.id, id, { intent: "thank" })));
      expect(post.status).toBe(404);
    }
    const missing = await responseOf(async () => messageLoader(await messageRequest(outsider.id, 987_654)));
    expect(missing.status).toBe(404);
    const garbage = await responseOf(async () => messageLoader({ ...(await messageRequest(outsider.id, id)), params: { id: "1 OR 1=1" } }));
    expect(garbage.status).toBe(404);
    const own = await responseOf(async () => messageLoader(await messageRequest(recipient.id, id)));
    expect(own.status).toBe(200);
    await withdraw(db, sender.id, id);
  });

  it("gives HR totals without text, and keeps moderation to admins", async () => {
    const counts = await messageCounts(db);
    expect(Object.keys(counts).sort()).toEqual(["hidden", "read", "reported", "sent", "thanked"]);
    const refused = await responseOf(async () => moderationLoader({ request: await requestAs(db, hr.id, "/manage/moderation"), params: {}, context: {} }));
    expect(refused.status).toBe(403);
  });
});

describe("reading, thanking, pinning and withdrawing", () => {
  it("lets only the recipient mark read, thank (once) and pin", async () => {
    const { id } = await sendMessage(db, draft());
    expect(await thank(db, sender.id, id)).toBe(false);
    expect(await thank(db, outsider.id, id)).toBe(false);
    expect(await markRead(db, sender.id, id)).toBe(false);
    expect(await setPinned(db, sender.id, id, true)).toBe(false);

    expect(await thank(db, recipient.id, id, new Date("2026-12-02T01:00:00Z"))).toBe(true);
    expect(await thank(db, recipient.id, id)).toBe(false);
    const seenBySender = await getMessageFor(db, sender.id, id);
    expect(seenBySender).toMatchObject({ thankedAt: "2026-12-02T01:00:00.000Z", readAt: "2026-12-02T01:00:00.000Z" });

    expect(await setPinned(db, recipient.id, id, true)).toBe(true);
    expect((await listPinned(db, recipient.id)).map((message) => message.id)).toContain(id);
    expect(await listPinned(db, sender.id)).toEqual([]);
  });

  it("lets the sender withdraw only while the message is unread", async () => {
    const unread = await sendMessage(db, draft());
    expect(await withdraw(db, recipient.id, unread.id)).toBe(false);
    expect(await withdraw(db, sender.id, unread.id)).toBe(true);
    expect(await getMessageFor(db, sender.id, unread.id)).toBeNull();

    const read = await sendMessage(db, draft());
    await markRead(db, recipient.id, read.id);
    expect(await withdraw(db, sender.id, read.id)).toBe(false);
    const tooLate = await responseOf(async () => messageAction(await messageRequest(sender.id, read.id, { intent: "withdraw" })));
    expect(tooLate.status).toBe(400);
  });

  it("thanks through the route for the recipient, and ignores the same request from the sender", async () => {
    const { id } = await sendMessage(db, draft());
    const bySender = await responseOf(async () => messageAction(await messageRequest(sender.id, id, { intent: "thank" })));
    expect(bySender.status).toBe(302);
    expect((await getMessageFor(db, recipient.id, id))?.thankedAt).toBeNull();
    const byRecipient = await responseOf(async () => messageAction(await messageRequest(recipient.id, id, { intent: "thank" })));
    expect(byRecipient.headers.get("Location")).toBe(`/messages/${id}`);
    expect((await getMessageFor(db, sender.id, id))?.thankedAt).not.toBeNull();
  });
});

describe("reports and moderation", () => {
  it("queues a reported message for admins, and hiding it takes it out of the inbox with a notice", async () => {
    const { id } = await sendMessage(db, draft({ scene: "<script>alert(1)</script> を会議で見せてくれた" }));
    const reporter = { id: recipient.id, label: recipient.employee_number };
    expect(await listReported(db)).toEqual([]);
    expect(await report(db, { id: sender.id, label: "x" }, id, "not mine to report")).toBe(false);
    expect(await report(db, reporter, id, "不快な表現があります")).toBe(true);
    expect(await listReported(db)).toMatchObject([{ id, reportReason: "不快な表現があります" }]);

    expect(await hideMessage(db, adminActor, id)).toBe(true);
    expect(await listReported(db)).toEqual([]);
    expect((await listInbox(db, recipient.id)).map((message) => message.id)).not.toContain(id);
    expect(await getMessageFor(db, recipient.id, id)).toBeNull();
    expect(await hiddenAfterReportCount(db, recipient.id)).toBe(1);
    // The sender keeps their own words and learns the message was hidden.
    expect(await getMessageFor(db, sender.id, id)).toMatchObject({ hiddenAt: expect.any(String) });
    expect((await listSent(db, sender.id)).find((message) => message.id === id)?.hiddenAt).not.toBeNull();
  });

  it("an admin can dismiss a report through the moderation page: the message stays, the decision is audited", async () => {
    const { id } = await sendMessage(db, draft());
    await report(db, { id: recipient.id, label: recipient.employee_number }, id, "念のため");
    const body = new URLSearchParams({ intent: "dismiss", messageId: String(id) });
    const refused = await responseOf(async () => moderationAction({ request: await requestAs(db, hr.id, "/manage/moderation", { method: "POST", body }), params: {}, context: {} }));
    expect(refused.status).toBe(403);
    const done = await responseOf(async () => moderationAction({ request: await requestAs(db, admin.id, "/manage/moderation", { method: "POST", body }), params: {}, context: {} }));
    expect(done.headers.get("Location")).toBe("/manage/moderation?dismissed=1");
    expect((await listReported(db)).map((message) => message.id)).not.toContain(id);
    expect(await getMessageFor(db, recipient.id, id)).toMatchObject({ id, hiddenAt: null });
    expect(await hideMessage(db, adminActor, id)).toBe(false);
    const audit = await db.selectFrom("audit_log").select(["action", "detail"]).where("action", "=", "imessage.dismiss_report").execute();
    expect(audit).toEqual([{ action: "imessage.dismiss_report", detail: JSON.stringify({ messageId: id }) }]);
  });

  it("cannot hide a message nobody reported", async () => {
    const { id } = await sendMessage(db, draft());
    expect(await hideMessage(db, adminActor, id)).toBe(false);
    expect((await getMessageFor(db, recipient.id, id))?.hiddenAt).toBeNull();
  });
});

describe("the composer route", () => {
  const compose = async (form: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const item of [value].flat()) body.append(key, item);
    return { request: await requestAs(db, outsider.id, "/messages/new", { method: "POST", body }), params: {}, context: {} };
  };

  it("previews without sending, and sends with every chosen tag", async () => {
    const before = await unreadCount(db, chief.id);
    const form = { to: "M00001", relationship: "other", ...parts, tagIds: [String(tags[1]!.id), String(tags[2]!.id)] };
    const preview = await responseOf(async () => composeAction(await compose({ ...form, intent: "preview" })));
    expect(preview.status).toBe(200);
    expect(await unreadCount(db, chief.id)).toBe(before);

    const sent = await responseOf(async () => composeAction(await compose({ ...form, intent: "send" })));
    expect(sent.headers.get("Location")).toBe("/messages/sent?sent=1");
    const [latest] = await listInbox(db, chief.id);
    expect(latest!.tags.map((tag) => tag.id)).toEqual([tags[1]!.id, tags[2]!.id]);
  });

  it("answers missing parts with field errors, and a message to oneself with a form error", async () => {
    const missing = await responseOf(async () => composeAction(await compose({ intent: "send", to: "M00001", relationship: "other", scene: "", feeling: "x", effect: "y" })));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: Record<string, string> }).errors).toHaveProperty("scene");
    const toSelf = await responseOf(async () => composeAction(await compose({ intent: "send", to: "M00004", relationship: "other", ...parts })));
    expect(toSelf.status).toBe(400);
    expect(((await toSelf.json()) as { errors: Record<string, string> }).errors).toHaveProperty("form");
  });
});
