import { beforeAll, describe, expect, it } from "vitest";
import { ADDRESS_FAILURE_FACTOR, cliIssuer, issueSetupCode, makeAdmin, redeemSetupCode, signIn, UnknownEmployeeError } from "~/models/auth.server";
import { deleteSession, findSessionUser, flushSessionTouches, purgeExpired } from "~/models/session.server";
import { sha256 } from "~/utils/tokens.server";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";

const policies = { session: { idleMinutes: 30, absoluteHours: 12 }, throttle: { maxFailures: 3, lockMinutes: 15 } };
const db = await createTestDb();
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe("signing in", () => {
  beforeAll(async () => {
    await createStaff(db, { employeeNumber: "000500", password: "correct horse battery" });
    await createStaff(db, { employeeNumber: "000501", password: "another long secret", active: false });
  });

  it("starts a session whose cookie secret is stored only as a hash", async () => {
    const result = await signIn(db, { employeeNumber: "000500", password: "correct horse battery", address: "10.0.0.1" }, policies);
    if (!result.ok) throw new Error("expected success");
    const rows = await db.selectFrom("sessions").select("id_hash").where("staff_id", "=", result.staffId).execute();
    expect(rows.map((r) => r.id_hash)).toContain(sha256(result.secret));
    expect(rows.map((r) => r.id_hash)).not.toContain(result.secret);
    expect(await findSessionUser(db, result.secret, policies.session)).toMatchObject({ employeeNumber: "000500", role: "staff" });
  });

  it("replaces the previous session at sign-in", async () => {
    const first = await signIn(db, { employeeNumber: "000500", password: "correct horse battery", address: "10.0.0.1" }, policies);
    if (!first.ok) throw new Error("expected success");
    const second = await signIn(
      db,
      { employeeNumber: "000500", password: "correct horse battery", address: "10.0.0.1", previousSecret: first.secret },
      policies,
    );
    if (!second.ok) throw new Error("expected success");
    expect(second.secret).not.toBe(first.secret);
    expect(await findSessionUser(db, first.secret, policies.session)).toBeNull();
    expect(await findSessionUser(db, second.secret, policies.session)).not.toBeNull();
  });

  it("refuses a wrong password, an unknown number and an inactive account alike", async () => {
    const attempts = [
      { employeeNumber: "000500", password: "wrong" },
      { employeeNumber: "999999", password: "correct horse battery" },
      { employeeNumber: "000501", password: "another long secret" },
    ];
    for (const attempt of attempts) {
      expect(await signIn(db, { ...attempt, address: `10.1.0.${attempts.indexOf(attempt)}` }, policies)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });

  it("locks an account at one address after repeated failures, but not at another address", async () => {
    const now = new Date("2026-11-21T09:00:00Z");
    const at = (address: string, password: string, when = now) =>
      signIn(db, { employeeNumber: "000500", password, address }, policies, when);
    expect(await at("10.2.0.1", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await at("10.2.0.1", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await at("10.2.0.1", "wrong")).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 15 });
    expect(await at("10.2.0.1", "correct horse battery", minutes(now, 5))).toEqual({
      ok: false,
      reason: "locked",
      retryAfterMinutes: 10,
    });
    expect((await at("10.2.0.2", "correct horse battery", minutes(now, 5))).ok).toBe(true);
    expect((await at("10.2.0.1", "correct horse battery", minutes(now, 16))).ok).toBe(true);
  });
});

describe("password spraying", () => {
  it("stops one address trying many accounts, while other addresses still sign in", async () => {
    const now = new Date("2026-11-22T09:00:00Z");
    const limit = policies.throttle.maxFailures * ADDRESS_FAILURE_FACTOR;
    for (let i = 0; i < limit; i++) {
      const result = await signIn(db, { employeeNumber: `9${String(i).padStart(5, "0")}`, password: "guess", address: "10.9.9.9" }, policies, now);
      expect(result.ok).toBe(false);
    }
    // The one correct password of a real account is refused from that address now…
    expect(await signIn(db, { employeeNumber: "000500", password: "correct horse battery", address: "10.9.9.9" }, policies, now)).toEqual({
      ok: false,
      reason: "locked",
      retryAfterMinutes: 15,
    });
    // …but not from another one.
    expect((await signIn(db, { employeeNumber: "000500", password: "correct horse battery", address: "10.9.9.10" }, policies, now)).ok).toBe(true);
    // Each refusal costs a deliberately slow password check.
  }, 90_000);
});

describe("sessions", () => {
  it("end after the idle limit and after the absolute limit, even when used", async () => {
    await createStaff(db, { employeeNumber: "000600", password: "correct horse battery" });
    const start = new Date("2026-11-21T00:00:00Z");
    const idle = await signIn(db, { employeeNumber: "000600", password: "correct horse battery", address: "a" }, policies, start);
    if (!idle.ok) throw new Error("expected success");
    expect(await findSessionUser(db, idle.secret, policies.session, minutes(start, 29))).not.toBeNull();
    expect(await findSessionUser(db, idle.secret, policies.session, minutes(start, 29 + 31))).toBeNull();

    const busy = await signIn(db, { employeeNumber: "000600", password: "correct horse battery", address: "a" }, policies, start);
    if (!busy.ok) throw new Error("expected success");
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await findSessionUser(db, busy.secret, policies.session, minutes(start, m)), `minute ${m}`).not.toBeNull();
    }
    expect(await findSessionUser(db, busy.secret, policies.session, minutes(start, 12 * 60))).toBeNull();
  });

  it("are marked as seen in one write later, not by the request, and count as seen meanwhile", async () => {
    await createStaff(db, { employeeNumber: "000602", password: "correct horse battery" });
    const start = new Date("2026-11-22T00:00:00Z");
    const session = await signIn(db, { employeeNumber: "000602", password: "correct horse battery", address: "a" }, policies, start);
    if (!session.ok) throw new Error("expected success");
    const lastSeen = async () =>
      (await db.selectFrom("sessions").select("last_seen_at").where("id_hash", "=", sha256(session.secret)).executeTakeFirstOrThrow()).last_seen_at;

    expect(await findSessionUser(db, session.secret, policies.session, minutes(start, 20))).not.toBeNull();
    expect(await lastSeen()).toBe(start.toISOString());
    // Idle for 30 minutes by the row, but seen at minute 20: still signed in.
    expect(await findSessionUser(db, session.secret, policies.session, minutes(start, 45))).not.toBeNull();
    const other = await signIn(db, { employeeNumber: "000602", password: "correct horse battery", address: "a" }, policies, minutes(start, 40));
    if (!other.ok) throw new Error("expected success");
    expect(await findSessionUser(db, other.secret, policies.session, minutes(start, 45))).not.toBeNull();
    await flushSessionTouches(db);
    expect(await lastSeen()).toBe(minutes(start, 45).toISOString());
    const otherRow = await db.selectFrom("sessions").select("last_seen_at").where("id_hash", "=", sha256(other.secret)).executeTakeFirstOrThrow();
    expect(otherRow.last_seen_at).toBe(minutes(start, 45).toISOString());

    // Purging idle sessions writes what was seen first.
    expect(await findSessionUser(db, session.secret, policies.session, minutes(start, 70))).not.toBeNull();
    await purgeExpired(db, policies.session, minutes(start, 85));
    expect(await lastSeen()).toBe(minutes(start, 70).toISOString());

    // Signing out forgets what was seen: nothing is written for a session that is gone.
    expect(await findSessionUser(db, session.secret, policies.session, minutes(start, 90))).not.toBeNull();
    await deleteSession(db, session.secret);
    await flushSessionTouches(db);
    expect(await db.selectFrom("sessions").select("id_hash").where("id_hash", "=", sha256(session.secret)).executeTakeFirst()).toBeUndefined();
  });

  it("end when the person is deactivated", async () => {
    const person = await createStaff(db, { employeeNumber: "000601", password: "correct horse battery" });
    const result = await signIn(db, { employeeNumber: "000601", password: "correct horse battery", address: "a" }, policies);
    if (!result.ok) throw new Error("expected success");
    await db.updateTable("staff").set({ active: 0 }).where("id", "=", person.id).execute();
    expect(await findSessionUser(db, result.secret, policies.session)).toBeNull();
  });
});

describe("setup codes", () => {
  it("set a password once, and end the person's existing sessions", async () => {
    await createStaff(db, { employeeNumber: "000700", password: "old password here" });
    const old = await signIn(db, { employeeNumber: "000700", password: "old password here", address: "a" }, policies);
    if (!old.ok) throw new Error("expected success");
    const { code } = await issueSetupCode(db, "000700", cliIssuer, 72);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const typed = code.toLowerCase().replaceAll("-", " ");
    expect(await redeemSetupCode(db, { employeeNumber: "000700", code: typed, password: "brand new password" })).toMatchObject({ ok: true });
    expect(await findSessionUser(db, old.secret, policies.session)).toBeNull();
    expect((await signIn(db, { employeeNumber: "000700", password: "brand new password", address: "a" }, policies)).ok).toBe(true);
    expect(await redeemSetupCode(db, { employeeNumber: "000700", code, password: "yet another password" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("expire, belong to one person, and are replaced by a newer code", async () => {
    await createStaff(db, { employeeNumber: "000701" });
    await createStaff(db, { employeeNumber: "000702" });
    const issuedAt = new Date("2026-11-01T00:00:00Z");
    const expired = await issueSetupCode(db, "000701", cliIssuer, 72, issuedAt);
    expect(
      await redeemSetupCode(db, { employeeNumber: "000701", code: expired.code, password: "long enough pw" }, minutes(issuedAt, 72 * 60)),
    ).toEqual({ ok: false, reason: "expired" });

    const first = await issueSetupCode(db, "000701", cliIssuer, 72);
    expect(await redeemSetupCode(db, { employeeNumber: "000702", code: first.code, password: "long enough pw" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const second = await issueSetupCode(db, "000701", cliIssuer, 72);
    expect(await redeemSetupCode(db, { employeeNumber: "000701", code: first.code, password: "long enough pw" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await redeemSetupCode(db, { employeeNumber: "000701", code: second.code, password: "long enough pw" })).ok).toBe(true);
  });

  it("are refused for someone not in the roster", async () => {
    await expect(issueSetupCode(db, "404404", cliIssuer, 72)).rejects.toBeInstanceOf(UnknownEmployeeError);
  });
});

describe("create-admin bootstrap", () => {
  it("promotes an existing member and sets their password, and refuses unknown numbers", async () => {
    await createStaff(db, { employeeNumber: "000800" });
    await makeAdmin(db, "000800", "administrator password");
    const result = await signIn(db, { employeeNumber: "000800", password: "administrator password", address: "a" }, policies);
    if (!result.ok) throw new Error("expected success");
    expect(await findSessionUser(db, result.secret, policies.session)).toMatchObject({ role: "admin" });
    await expect(makeAdmin(db, "000801", "administrator password")).rejects.toBeInstanceOf(UnknownEmployeeError);
  });
});
