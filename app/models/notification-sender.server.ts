import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import type { Database } from "#db/schema";
import type { Env } from "~/utils/env.server";
import { type MailTransport, enqueueScheduledNotifications, processQueueOnce } from "./notifications.server";

/** The SMTP transport the environment describes, or null when e-mail is off (no SMTP_HOST). */
export function createMailTransport(env: Env): (MailTransport & { close(): void }) | null {
  if (!env.SMTP_HOST) return null;
  // Pooled: one connection carries a whole batch instead of a handshake per e-mail.
  return nodemailer.createTransport({
    pool: true,
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_TLS === "tls",
    requireTLS: env.SMTP_TLS === "starttls",
    ignoreTLS: env.SMTP_TLS === "none",
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
  });
}

/** E-mails claimed at a time; a full batch means more may be due, so the sender goes on at once. */
const BATCH_SIZE = 50;

export interface NotificationSender {
  /** Resolves once the tick in progress (if any) has finished; nothing is left half-marked. */
  stop(): Promise<void>;
}

/**
 * Runs reminders and the e-mail queue every `intervalMs` in the server process. Ticks never
 * overlap; a failed tick is logged and the next one tries again. Tests call processQueueOnce and
 * enqueueScheduledNotifications directly instead.
 */
export function startNotificationSender(
  db: Kysely<Database>,
  env: Env,
  { intervalMs = 30_000 }: { intervalMs?: number } = {},
): NotificationSender {
  const transport = createMailTransport(env);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = async () => {
    try {
      await enqueueScheduledNotifications(db, env.REMINDER_DAYS_BEFORE_CLOSE);
      if (transport && env.SMTP_FROM) {
        // Opening a survey queues one e-mail per person: drain what is due rather than 50 per interval.
        let batch: { sent: number; failed: number };
        do batch = await processQueueOnce(db, { transport, from: env.SMTP_FROM, batchSize: BATCH_SIZE });
        while (!stopped && batch.sent + batch.failed === BATCH_SIZE);
      }
    } catch (error) {
      console.error("Notification sender:", error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  running = tick().finally(schedule);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport?.close();
    },
  };
}
