/**
 * What people are told, and when: notification kinds, the reminder schedule and the e-mail retry
 * policy. Pure rules; the queue and the sender live in app/models/notifications.server.ts.
 */

/** Every kind a person can receive; each can have its e-mail turned off on the settings page. */
export const NOTIFICATION_KINDS = [
  "survey_opened",
  "survey_reminder",
  "round_opened",
  "round_reminder",
  "message_received",
  "thanks_received",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** E-mails that are not notifications: a setup letter goes out whatever the person's settings. */
export type EmailKind = NotificationKind | "setup_letter";

const DAY_MS = 86_400_000;

/** Whole days from `today` to `lastDay` (both YYYY-MM-DD); 0 on the last day, negative after it. */
export function daysUntil(lastDay: string, today: string): number {
  return Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** A reminder is due from `daysBefore` days before the last day up to and including it. */
export function reminderDue(lastDay: string, today: string, daysBefore: number): boolean {
  const left = daysUntil(lastDay, today);
  return left >= 0 && left <= daysBefore;
}

/** After this many failed attempts an e-mail is given up and marked failed. */
export const MAX_SEND_ATTEMPTS = 8;

/** 1, 4, 16, 64 … minutes after each failure, at most six hours: a mail server down overnight still gets the mail. */
export function retryDelayMs(attempts: number): number {
  const minutes = Math.min(4 ** Math.max(0, attempts - 1), 360);
  return minutes * 60_000;
}

/**
 * A row claimed longer ago than this belongs to a sender that stopped (a crash or a restart)
 * and is claimed again. Far longer than one SMTP conversation takes.
 */
export const CLAIM_LEASE_MS = 10 * 60_000;
