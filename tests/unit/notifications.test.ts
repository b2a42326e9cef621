import { describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS, daysUntil, reminderDue, retryDelayMs } from "~/domain/notifications";
import { setupCodeRefusal } from "~/domain/onboarding";

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

describe("who may issue a setup code", () => {
  const hr = { id: 1, role: "hr" as const };
  const admin = { id: 2, role: "admin" as const };
  it("lets HR issue for staff only, admins for anyone but themselves", () => {
    expect(setupCodeRefusal(hr, { id: 3, role: "staff" })).toBeNull();
    expect(setupCodeRefusal(hr, { id: 4, role: "hr" })).toBe("privileged_target");
    expect(setupCodeRefusal(hr, admin)).toBe("privileged_target");
    expect(setupCodeRefusal(hr, hr)).toBe("self");
    expect(setupCodeRefusal(admin, { id: 4, role: "hr" })).toBeNull();
    expect(setupCodeRefusal(admin, admin)).toBe("self");
  });
});
