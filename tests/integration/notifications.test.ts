import { afterAll, describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { bellCounts } from "~/models/bell.server";
import { sendMessage, thank } from "~/models/messages.server";
import { createMailTransport, startNotificationSender } from "~/models/notification-sender.server";
import {
  emailQueueCounts,
  enqueueEmail,
  enqueueScheduledNotifications,
  listNotifications,
  processQueueOnce,
  setEmailKinds,
} from "~/models/notifications.server";
import { createRound } from "~/models/rounds.server";
import { createSurveyFromTemplate, setSurveyStatus } from "~/models/surveys.server";
import { getEnv } from "~/utils/env.server";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { startTestSmtpServer } from "../support/smtp";

// E-mail is queued only when SMTP is configured; the test's own server receives it.
const smtp = await startTestSmtpServer();
Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_TLS: "none", SMTP_FROM: "yell@city.example.lg.jp" });
const env = getEnv();
const transport = createMailTransport(env)!;
const sender = { transport, from: env.SMTP_FROM! };
afterAll(async () => {
  transport.close();
  await smtp.close();
});

const db = await createTestDb();
const actor = { id: null, label: "test" };

async function person(employeeNumber: string, email: string | null, options: { active?: boolean; departmentPath?: string; supervisorNumber?: string } = {}) {
  const staff = await createStaff(db, { employeeNumber, ...options });
  await db.updateTable("staff").set({ email }).where("id", "=", staff.id).execute();
  return staff;
}

const ann = await person("N00001", "ann@city.example.lg.jp");
const ben = await person("N00002", "ben@city.example.lg.jp", { supervisorNumber: "N00001" });
const cho = await person("N00003", "cho@city.example.lg.jp");
const optedOut = await person("N00004", "dan@city.example.lg.jp");
const noEmail = await person("N00005", null);
await person("N00006", "gone@city.example.lg.jp", { active: false });
await setEmailKinds(db, optedOut.id, ["message_received", "thanks_received", "round_reminder", "survey_reminder"]);

const PARTS = { scene: "窓口の混雑時に機転を利かせた案内をしてくれた場面", feeling: "心からありがたいと感じました", effect: "来庁者の待ち時間が半分になりました" };

describe("e-mail notifications through a real SMTP server", () => {
  it("opening a survey sends one e-mail per eligible person, and tells everyone active in the app", async () => {
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "notify-fy2026", fiscalYear: 2026, opensOn: "2026-11-20", closesOn: "2026-12-10" }, actor);
    await setSurveyStatus(db, "notify-fy2026", "open", actor, new Date("2026-11-20T00:00:00Z"));
    expect(await processQueueOnce(db, sender)).toEqual({ sent: 3, failed: 0 });
    expect(smtp.recipients()).toEqual(["ann@city.example.lg.jp", "ben@city.example.lg.jp", "cho@city.example.lg.jp"]);
    expect(smtp.received[0]!.subject).toContain("アンケート「");
    expect(smtp.received[0]!.text).toContain("2026年12月10日");
    // Sent rows keep no body.
    expect(await db.selectFrom("email_queue").select("body").where("status", "=", "sent").execute()).toEqual([{ body: "" }, { body: "" }, { body: "" }]);
    // In the app, every active person is told (also those without an address or who turned e-mail off).
    expect(await bellCounts(db, noEmail.id)).toEqual({ unread: 0, notifications: 1 });
    expect(await bellCounts(db, optedOut.id)).toEqual({ unread: 0, notifications: 1 });
    // Nothing more to send.
    expect(await processQueueOnce(db, sender)).toEqual({ sent: 0, failed: 0 });
    smtp.clear();
  });

  it("a reminder goes only to those who have not answered, and only once", async () => {
    const survey = await db.selectFrom("surveys").select("id").where("code", "=", "notify-fy2026").executeTakeFirstOrThrow();
    await db.insertInto("survey_participation").values({ survey_id: survey.id, staff_id: ann.id }).execute();
    // Four days before closing nothing is due; three days before, the reminder is.
    expect(await enqueueScheduledNotifications(db, 3, new Date("2026-12-06T01:00:00Z"))).toBe(0);
    expect(await enqueueScheduledNotifications(db, 3, new Date("2026-12-07T01:00:00Z"))).toBe(4);
    expect(await enqueueScheduledNotifications(db, 3, new Date("2026-12-08T01:00:00Z"))).toBe(0);
    await processQueueOnce(db, sender, new Date("2026-12-08T01:00:00Z"));
    expect(smtp.recipients()).toEqual(["ben@city.example.lg.jp", "cho@city.example.lg.jp", "dan@city.example.lg.jp"]);
    for (const mail of smtp.received) expect(mail.text).not.toMatch(/回答しました|answered/);
    smtp.clear();
  });

  it("an I-message e-mail says a message arrived and never holds its text", async () => {
    await sendMessage(db, { ...PARTS, senderId: ben.id, recipientId: ann.id, relationship: "to_supervisor", tagIds: [1] });
    await processQueueOnce(db, sender);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(["ann@city.example.lg.jp"]);
    expect(mail!.text).toContain("I・メッセージが届きました");
    for (const part of Object.values(PARTS)) {
      expect(mail!.text).not.toContain(part);
      expect(mail!.subject).not.toContain(part);
    }
    expect(mail!.text).not.toContain(ben.name);
    const queued = await db.selectFrom("notifications").select("payload").where("kind", "=", "message_received").execute();
    expect(queued.map((row) => row.payload).join()).not.toContain(PARTS.scene.slice(0, 5));
    smtp.clear();
  });

  it("a thanked message tells its sender", async () => {
    const { id } = await sendMessage(db, { ...PARTS, senderId: cho.id, recipientId: ben.id, relationship: "colleague", tagIds: [] });
    await thank(db, ben.id, id);
    await thank(db, ben.id, id);
    await processQueueOnce(db, sender);
    expect(smtp.received.map((mail) => [mail.to[0], mail.subject])).toEqual([
      ["ben@city.example.lg.jp", "【Yell】I・メッセージが届きました"],
      ["cho@city.example.lg.jp", "【Yell】「ありがとう」が届きました"],
    ]);
    const notes = await listNotifications(db, cho.id);
    expect(notes.filter((note) => note.kind === "thanks_received")).toHaveLength(1);
    smtp.clear();
  });

  it("a round announces itself to participants and reminds only those below target", async () => {
    const start = new Date("2026-11-21T01:00:00Z");
    const roundId = await createRound(
      db,
      { titleJa: "冬のラウンド", titleEn: "Winter round", startsOn: "2026-11-21", endsOn: "2026-12-20", expected: 1, requireSupervisor: false, departments: "all" },
      { id: ann.id, label: ann.employee_number },
      start,
    );
    await processQueueOnce(db, sender);
    // dan turned "opened" e-mails off; the person without an address gets none.
    expect(smtp.recipients()).toEqual(["ann@city.example.lg.jp", "ben@city.example.lg.jp", "cho@city.example.lg.jp"]);
    smtp.clear();
    await sendMessage(db, { ...PARTS, senderId: ann.id, recipientId: cho.id, relationship: "colleague", tagIds: [], roundId }, new Date("2026-12-01T01:00:00Z"));
    await processQueueOnce(db, sender, new Date("2026-12-01T01:00:00Z"));
    smtp.clear();
    await enqueueScheduledNotifications(db, 3, new Date("2026-12-18T01:00:00Z"));
    await processQueueOnce(db, sender, new Date("2026-12-18T01:00:00Z"));
    // ann has sent the one message asked for; the others have not.
    expect(smtp.received.filter((mail) => mail.subject.includes("ラウンド")).flatMap((mail) => mail.to).sort()).toEqual([
      "ben@city.example.lg.jp",
      "cho@city.example.lg.jp",
      "dan@city.example.lg.jp",
    ]);
    smtp.clear();
  });

  it("a restart mid-queue sends nothing twice and loses nothing", async () => {
    const t0 = new Date("2027-01-10T00:00:00Z");
    for (let i = 1; i <= 5; i++) {
      await enqueueEmail(db, { staffId: null, kind: "setup_letter", to: `batch${i}@city.example.lg.jp`, subject: `件名${i}`, body: `本文${i}` }, t0);
    }
    // The first sender handles two, then claims two more and stops before sending them (a crash or a restart).
    expect(await processQueueOnce(db, { ...sender, batchSize: 2 }, t0)).toEqual({ sent: 2, failed: 0 });
    const abandoned = { ...sender, transport: { sendMail: () => new Promise<never>(() => {}) } };
    void processQueueOnce(db, { ...abandoned, batchSize: 2 }, t0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await emailQueueCounts(db)).toMatchObject({ sending: 2, pending: 1 });

    // The restarted sender leaves rows another sender may still be sending, and sends the rest.
    expect(await processQueueOnce(db, sender, new Date(t0.getTime() + 60_000))).toEqual({ sent: 1, failed: 0 });
    // Once the claim has lapsed, the abandoned rows are sent, once.
    expect(await processQueueOnce(db, sender, new Date(t0.getTime() + 11 * 60_000))).toEqual({ sent: 2, failed: 0 });
    expect(await processQueueOnce(db, sender, new Date(t0.getTime() + 60 * 60_000))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.recipients()).toEqual([1, 2, 3, 4, 5].map((i) => `batch${i}@city.example.lg.jp`));
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(5);
    smtp.clear();
  });

  it("a failed send is retried later with backoff, not lost", async () => {
    const t0 = new Date("2027-02-01T00:00:00Z");
    await enqueueEmail(db, { staffId: null, kind: "setup_letter", to: "retry@city.example.lg.jp", subject: "再送", body: "本文" }, t0);
    const down = { ...sender, transport: { sendMail: () => Promise.reject(new Error("connection refused")) } };
    expect(await processQueueOnce(db, down, t0)).toEqual({ sent: 0, failed: 1 });
    // Not due again straight away …
    expect(await processQueueOnce(db, sender, new Date(t0.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 });
    // … but after the first backoff.
    expect(await processQueueOnce(db, sender, new Date(t0.getTime() + 61_000))).toEqual({ sent: 1, failed: 0 });
    expect(smtp.recipients()).toEqual(["retry@city.example.lg.jp"]);
    const row = await db.selectFrom("email_queue").selectAll().where("to_address", "=", "retry@city.example.lg.jp").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 2, last_error: null });
  });

  it("the server's sender drains a queue longer than one batch in one go", async () => {
    smtp.clear();
    for (let i = 1; i <= 120; i++) {
      await enqueueEmail(db, { staffId: null, kind: "setup_letter", to: `drain${i}@city.example.lg.jp`, subject: `件名${i}`, body: `本文${i}` });
    }
    // The first tick starts at once; with a minute's interval, all 120 within it means one tick sent them.
    const running = startNotificationSender(db, env, { intervalMs: 60_000 });
    const drained = () => smtp.recipients().filter((address) => address.startsWith("drain")).length;
    for (let waited = 0; drained() < 120 && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    await running.stop();
    expect(drained()).toBe(120);
    expect(await db.selectFrom("email_queue").select("id").where("to_address", "like", "drain%").where("status", "!=", "sent").execute()).toEqual([]);
  });
});
