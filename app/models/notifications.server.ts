import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { formatDate, tokyoDate } from "~/domain/dates";
import {
  CLAIM_LEASE_MS,
  type EmailKind,
  MAX_SEND_ATTEMPTS,
  NOTIFICATION_KINDS,
  type NotificationKind,
  reminderDue,
  retryDelayMs,
} from "~/domain/notifications";
import { roundProgress } from "~/domain/rounds";
import { dictionaryFor } from "~/i18n";
import type { Db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/*
 * Notifications: an in-app row per person and event, and, when e-mail is configured and the person
 * has not turned that kind off, a row in the durable e-mail queue written in the same transaction
 * as the event itself. Payloads hold ids, titles and dates only: never an answer, never message text.
 */

/** What the notification (and its e-mail) says about the event: titles and dates, nothing private. */
export type NotificationPayload =
  | { code: string; titleJa: string; titleEn: string; closesOn: string }
  | { roundId: number; titleJa: string; titleEn: string; endsOn: string }
  | { messageId: number };

export interface NotificationEvent {
  kind: NotificationKind;
  /** Unique per event, so the same person is never told twice (a reminder re-run inserts nothing). */
  key: string;
  payload: NotificationPayload;
}

const INSERT_BATCH = 200;

/** E-mail goes out only when an SMTP server is configured; otherwise nothing is queued. */
export function emailConfigured(): boolean {
  return getEnv().SMTP_HOST !== undefined;
}

/** The link in e-mails: the configured public origin, when there is one. */
function publicUrl(path: string): string | null {
  const origin = getEnv().APP_ORIGIN;
  return origin ? new URL(path, origin).toString() : null;
}

function linkOf(kind: NotificationKind, payload: NotificationPayload): string {
  if ("code" in payload) return `/surveys/${payload.code}`;
  if ("roundId" in payload) return "/messages/rounds";
  return kind === "message_received" || kind === "thanks_received" ? `/messages/${payload.messageId}` : "/notifications";
}

/** One line in the person's language; e-mails use both. */
export function notificationText(kind: NotificationKind, payload: NotificationPayload, locale: "ja" | "en"): string {
  const t = dictionaryFor(locale).notifications.text;
  const title = "titleJa" in payload ? (locale === "ja" ? payload.titleJa : payload.titleEn) : "";
  switch (kind) {
    case "survey_opened":
    case "survey_reminder":
      return t[kind](title, "closesOn" in payload ? formatDate(payload.closesOn, locale) : "");
    case "round_opened":
    case "round_reminder":
      return t[kind](title, "endsOn" in payload ? formatDate(payload.endsOn, locale) : "");
    case "message_received":
    case "thanks_received":
      return t[kind];
  }
}

/** Japanese first, English below: the roster does not say which language a person reads. */
function renderEmail(kind: NotificationKind, payload: NotificationPayload, name: string) {
  const url = publicUrl(linkOf(kind, payload));
  const part = (locale: "ja" | "en") => {
    const e = dictionaryFor(locale).notifications.email;
    const title = "titleJa" in payload ? (locale === "ja" ? payload.titleJa : payload.titleEn) : "";
    return {
      subject: e.subjects[kind](title),
      body: [e.greeting(name), "", notificationText(kind, payload, locale), url ? e.signIn(url) : e.signInNoUrl, "", e.footer].join("\n"),
    };
  };
  const ja = part("ja");
  const en = part("en");
  return { subject: ja.subject, body: `${ja.body}\n\n----------\n\n${en.body}\n` };
}

/**
 * Tells each recipient about one event, inside the caller's transaction. Returns how many were
 * told for the first time; people already told about this event are skipped.
 */
export async function notify(db: Db, recipientIds: readonly number[], event: NotificationEvent, now = new Date()): Promise<number> {
  const stamp = now.toISOString();
  const payload = JSON.stringify(event.payload);
  const told: number[] = [];
  for (let i = 0; i < recipientIds.length; i += INSERT_BATCH) {
    const rows = await db
      .insertInto("notifications")
      .values(recipientIds.slice(i, i + INSERT_BATCH).map((staffId) => ({ staff_id: staffId, kind: event.kind, event_key: event.key, payload, created_at: stamp })))
      .onConflict((oc) => oc.columns(["staff_id", "event_key"]).doNothing())
      .returning("staff_id")
      .execute();
    told.push(...rows.map((row) => row.staff_id));
  }
  if (told.length > 0 && emailConfigured()) {
    for (let i = 0; i < told.length; i += INSERT_BATCH) {
      const addressees = await db
        .selectFrom("staff")
        .leftJoin("notification_email_opt_outs as opt_out", (join) =>
          join.onRef("opt_out.staff_id", "=", "staff.id").on("opt_out.kind", "=", event.kind),
        )
        .select(["staff.id", "staff.name", "staff.email"])
        .where("staff.id", "in", told.slice(i, i + INSERT_BATCH))
        .where("staff.active", "=", 1)
        .where("staff.email", "is not", null)
        .where("opt_out.staff_id", "is", null)
        .execute();
      for (const person of addressees) {
        await enqueueEmail(db, { staffId: person.id, kind: event.kind, to: person.email!, ...renderEmail(event.kind, event.payload, person.name) }, now);
      }
    }
  }
  return told.length;
}

export interface OutgoingEmail {
  staffId: number | null;
  kind: EmailKind;
  to: string;
  subject: string;
  body: string;
}

/** Queues one e-mail; call it inside the transaction of the event, so the mail exists exactly when the event does. */
export async function enqueueEmail(db: Db, email: OutgoingEmail, now = new Date()): Promise<void> {
  const stamp = now.toISOString();
  await db
    .insertInto("email_queue")
    .values({
      staff_id: email.staffId,
      kind: email.kind,
      to_address: email.to,
      subject: email.subject,
      body: email.body,
      next_attempt_at: stamp,
      created_at: stamp,
    })
    .execute();
}

/* ---------- events ---------- */

/** Everyone who can answer a survey that has just opened: all active staff. */
export async function notifySurveyOpened(db: Db, survey: { id: number; code: string; title_ja: string; title_en: string; closes_on: string }, now = new Date()) {
  const staff = await db.selectFrom("staff").select("id").where("active", "=", 1).execute();
  return notify(
    db,
    staff.map((person) => person.id),
    {
      kind: "survey_opened",
      key: `survey_opened:${survey.id}`,
      payload: { code: survey.code, titleJa: survey.title_ja, titleEn: survey.title_en, closesOn: survey.closes_on },
    },
    now,
  );
}

export async function notifyRoundOpened(
  db: Db,
  round: { id: number; titleJa: string; titleEn: string; endsOn: string },
  participantIds: readonly number[],
  now = new Date(),
) {
  return notify(
    db,
    participantIds,
    { kind: "round_opened", key: `round_opened:${round.id}`, payload: { roundId: round.id, titleJa: round.titleJa, titleEn: round.titleEn, endsOn: round.endsOn } },
    now,
  );
}

/** The recipient learns that a message arrived; the notification and e-mail carry its id only. */
export async function notifyMessageReceived(db: Db, message: { id: number; recipientId: number }, now = new Date()) {
  return notify(db, [message.recipientId], { kind: "message_received", key: `message_received:${message.id}`, payload: { messageId: message.id } }, now);
}

export async function notifyThanksReceived(db: Db, message: { id: number; senderId: number }, now = new Date()) {
  return notify(db, [message.senderId], { kind: "thanks_received", key: `thanks_received:${message.id}`, payload: { messageId: message.id } }, now);
}

/**
 * Announcements of rounds that start today, and reminders due today: staff who have not answered an open survey closing within `daysBefore`
 * days (survey_participation says who answered, nothing else), and participants of an open round
 * ending within that time who are below its target. Safe to run any number of times a day.
 */
export async function enqueueScheduledNotifications(db: Kysely<Database>, daysBefore: number, now = new Date()): Promise<number> {
  const today = tokyoDate(now);
  let told = 0;
  const surveys = await db.selectFrom("surveys").select(["id", "code", "title_ja", "title_en", "closes_on"]).where("status", "=", "open").execute();
  for (const survey of surveys.filter((s) => reminderDue(s.closes_on, today, daysBefore))) {
    const notAnswered = await db
      .selectFrom("staff")
      .select("staff.id")
      .where("staff.active", "=", 1)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("survey_participation").select("survey_participation.staff_id").where("survey_participation.survey_id", "=", survey.id).whereRef("survey_participation.staff_id", "=", "staff.id"),
          ),
        ),
      )
      .execute();
    told += await db.transaction().execute((trx) =>
      notify(
        trx,
        notAnswered.map((person) => person.id),
        {
          kind: "survey_reminder",
          key: `survey_reminder:${survey.id}`,
          payload: { code: survey.code, titleJa: survey.title_ja, titleEn: survey.title_en, closesOn: survey.closes_on },
        },
        now,
      ),
    );
  }

  const rounds = await db
    .selectFrom("feedback_rounds")
    .select(["id", "title_ja", "title_en", "starts_on", "ends_on", "expected_per_participant", "require_supervisor"])
    .where("status", "=", "open")
    .execute();
  // A round created to start on a later day is announced on that day (already-told people are skipped).
  for (const round of rounds.filter((r) => r.starts_on <= today && r.ends_on >= today)) {
    const participants = await db.selectFrom("round_participants").select("staff_id").where("round_id", "=", round.id).execute();
    told += await db.transaction().execute((trx) =>
      notifyRoundOpened(trx, { id: round.id, titleJa: round.title_ja, titleEn: round.title_en, endsOn: round.ends_on }, participants.map((p) => p.staff_id), now),
    );
  }
  for (const round of rounds.filter((r) => reminderDue(r.ends_on, today, daysBefore))) {
    const [participants, sent] = await Promise.all([
      db.selectFrom("round_participants").select("staff_id").where("round_id", "=", round.id).execute(),
      db.selectFrom("imessages").select(["sender_id", "relationship"]).where("round_id", "=", round.id).where("hidden_at", "is", null).execute(),
    ]);
    const terms = { expected: round.expected_per_participant, requireSupervisor: round.require_supervisor === 1 };
    const below = participants
      .map((p) => p.staff_id)
      .filter((staffId) => !roundProgress(terms, sent.filter((m) => m.sender_id === staffId).map((m) => m.relationship)).complete);
    told += await db.transaction().execute((trx) =>
      notify(
        trx,
        below,
        { kind: "round_reminder", key: `round_reminder:${round.id}`, payload: { roundId: round.id, titleJa: round.title_ja, titleEn: round.title_en, endsOn: round.ends_on } },
        now,
      ),
    );
  }
  return told;
}

/* ---------- in-app list ---------- */

export function countUnreadNotifications(db: Db, staffId: number) {
  return db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("staff_id", "=", staffId)
    .where("read_at", "is", null);
}


/** My latest notifications, each with its text in both languages' inputs and where it leads. */
export async function listNotifications(db: Db, staffId: number, limit = 50) {
  const rows = await db
    .selectFrom("notifications")
    .select(["id", "kind", "payload", "created_at as createdAt", "read_at as readAt"])
    .where("staff_id", "=", staffId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.flatMap((row) => {
    const kind = NOTIFICATION_KINDS.find((k) => k === row.kind);
    if (!kind) return [];
    const payload = JSON.parse(row.payload) as NotificationPayload;
    return [{ id: row.id, kind, createdAt: row.createdAt, readAt: row.readAt, href: linkOf(kind, payload), textJa: notificationText(kind, payload, "ja"), textEn: notificationText(kind, payload, "en") }];
  });
}

export async function markAllNotificationsRead(db: Db, staffId: number, now = new Date()): Promise<void> {
  await db.updateTable("notifications").set({ read_at: now.toISOString() }).where("staff_id", "=", staffId).where("read_at", "is", null).execute();
}

/* ---------- e-mail preferences ---------- */

/** The kinds this person receives by e-mail (all but those turned off), and whether the roster has an address for them. */
export async function emailSettingsFor(db: Db, staffId: number): Promise<{ enabled: NotificationKind[]; hasEmail: boolean; mailConfigured: boolean }> {
  const [off, me] = await Promise.all([
    db.selectFrom("notification_email_opt_outs").select("kind").where("staff_id", "=", staffId).execute(),
    db.selectFrom("staff").select("email").where("id", "=", staffId).executeTakeFirst(),
  ]);
  const offKinds = new Set(off.map((row) => row.kind));
  return { enabled: NOTIFICATION_KINDS.filter((kind) => !offKinds.has(kind)), hasEmail: (me?.email ?? null) !== null, mailConfigured: emailConfigured() };
}

export async function setEmailKinds(db: Db, staffId: number, enabled: readonly NotificationKind[]): Promise<void> {
  const off = NOTIFICATION_KINDS.filter((kind) => !enabled.includes(kind));
  const write = async (trx: Db) => {
    await trx.deleteFrom("notification_email_opt_outs").where("staff_id", "=", staffId).execute();
    if (off.length > 0) await trx.insertInto("notification_email_opt_outs").values(off.map((kind) => ({ staff_id: staffId, kind }))).execute();
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

/* ---------- the sender ---------- */

/** What the queue needs of a mail transport (nodemailer's Transporter has it). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
}

export interface SenderOptions {
  transport: MailTransport;
  from: string;
  batchSize?: number;
}

/**
 * Claims due rows in one statement (pending and due, or claimed by a sender that stopped longer
 * ago than the lease), so two senders never take the same row.
 */
async function claimDueEmails(db: Db, now: Date, batchSize: number) {
  const stamp = now.toISOString();
  const staleBefore = new Date(now.getTime() - CLAIM_LEASE_MS).toISOString();
  return db
    .updateTable("email_queue")
    .set((eb) => ({ status: "sending", claimed_at: stamp, attempts: eb("attempts", "+", 1) }))
    .where("id", "in", (eb) =>
      eb
        .selectFrom("email_queue")
        .select("id")
        .where((w) =>
          w.or([
            w.and([w("status", "=", "pending"), w("next_attempt_at", "<=", stamp)]),
            w.and([w("status", "=", "sending"), w("claimed_at", "<", staleBefore)]),
          ]),
        )
        .orderBy("id")
        .limit(batchSize),
    )
    .returning(["id", "to_address", "subject", "body", "attempts"])
    .execute();
}

/**
 * Sends what is due once: claim, send, mark sent (and empty the body) or schedule a retry with
 * backoff. The Message-ID is the queue row's, so the rare resend after a crash between the server's
 * acceptance and our mark can be recognised by mail systems as the same message.
 */
export async function processQueueOnce(db: Db, options: SenderOptions, now = new Date()): Promise<{ sent: number; failed: number }> {
  const claimed = await claimDueEmails(db, now, options.batchSize ?? 50);
  const domain = options.from.replace(/^.*@/, "").replace(/[>\s]/g, "") || "yell.invalid";
  let sent = 0;
  let failed = 0;
  for (const email of claimed) {
    try {
      await options.transport.sendMail({ from: options.from, to: email.to_address, subject: email.subject, text: email.body, messageId: `<yell-${email.id}@${domain}>` });
      await db.updateTable("email_queue").set({ status: "sent", sent_at: new Date().toISOString(), body: "", last_error: null }).where("id", "=", email.id).execute();
      sent++;
    } catch (error) {
      failed++;
      const giveUp = email.attempts >= MAX_SEND_ATTEMPTS;
      await db
        .updateTable("email_queue")
        .set({
          status: giveUp ? "failed" : "pending",
          next_attempt_at: new Date(now.getTime() + retryDelayMs(email.attempts)).toISOString(),
          last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
          ...(giveUp ? { body: "" } : {}),
        })
        .where("id", "=", email.id)
        .execute();
    }
  }
  return { sent, failed };
}

/** How the queue stands, for operators and tests. */
export async function emailQueueCounts(db: Db) {
  const rows = await db.selectFrom("email_queue").select((eb) => ["status", eb.fn.countAll<number>().as("count")]).groupBy("status").execute();
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}
