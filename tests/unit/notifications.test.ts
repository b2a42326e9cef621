import { describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS, daysUntil, reminderDue, retryDelayMs } from "~/domain/notifications";

describe("reminder schedule", () => {
  it("counts whole days to the last day", () => {
    expect(daysUntil("2026-12-10", "2026-11-19")).toBe(21);
    expect(daysUntil("2026-12-10", "2026-12-10")).toBe(0);
    expect(daysUntil("2026-12-10", "2026-12-11")).toBe(-1);
    expect(daysUntil("2027-03-01", "2027-02-28")).toBe(1);
  });

  it("is due from N days before the last day up to and including it", () => {
    expect(reminderDue("2026-12-10", "2026-12-06", 3)).toBe(false);
    expect(reminderDue("2026-12-10", "2026-12-07", 3)).toBe(true);
    expect(reminderDue("2026-12-10", "2026-12-10", 3)).toBe(true);
    expect(reminderDue("2026-12-10", "2026-12-11", 3)).toBe(false);
  });
});

describe("e-mail retries", () => {
  it("back off 1, 4, 16, 64 minutes and at most six hours", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt) / 60_000)).toEqual([1, 4, 16, 64, 256, 360]);
    expect(retryDelayMs(MAX_SEND_ATTEMPTS)).toBe(360 * 60_000);
  });
});
