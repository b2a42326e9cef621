import { randomBytes, scryptSync } from "node:crypto";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { SetupCodeRefused, issueSetupCode, redeemSetupCode, signIn } from "~/models/auth.server";
import { findSessionUser, purgeExpired } from "~/models/session.server";
import { loader as rootLoader } from "~/root";
import { loader as homeLoader } from "~/routes/_index";
import { action as loginAction } from "~/routes/login";
import { action as staffAction } from "~/routes/roster.$employeeNumber";
import { safeRedirectPath } from "~/utils/auth.server";
import { openRequestScope } from "~/utils/request-scope.server";
import { createDb } from "#db/connection";
import { createTestDbFile } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const { db, file } = await createTestDbFile();
useDatabaseForApp(db);
const policies = { session: { idleMinutes: 30, absoluteHours: 12 }, throttle: { maxFailures: 5, lockMinutes: 15 } };
const PASSWORD = "correct horse battery";

const admin = await createStaff(db, { employeeNumber: "A00001", name: "管理\u3000一郎", role: "admin", password: PASSWORD });
const hr = await createStaff(db, { employeeNumber: "H00001", name: "人事\u3000花子", role: "hr" });
const otherHr = await createStaff(db, { employeeNumber: "H00002", role: "hr" });
const staff = await createStaff(db, { employeeNumber: "S00001", name: "職員\u3000次郎", password: PASSWORD });

const as = (person: { id: number; employee_number: string; role: "staff" | "hr" | "admin" }) => ({
  id: person.id,
  label: person.employee_number,
  role: person.role,
});

async function issueThroughPage(issuerId: number, employeeNumber: string) {
  const body = new URLSearchParams({ intent: "issueSetupCode" });
  const request = await requestAs(db, issuerId, `/roster/${employeeNumber}`, { method: "POST", body });
  return responseOf(() => staffAction({ request, params: { employeeNumber }, context: {} }));
}

describe("account recovery by role (#9 item 1)", () => {
  it("refuses HR a setup code for an admin or another HR member, and anyone one for themselves", async () => {
    expect((await issueThroughPage(hr.id, "A00001")).status).toBe(403);
    expect((await issueThroughPage(hr.id, "H00002")).status).toBe(403);
    expect((await issueThroughPage(hr.id, "H00001")).status).toBe(403);
    expect((await issueThroughPage(admin.id, "A00001")).status).toBe(403);
    await expect(issueSetupCode(db, "A00001", as(hr), 72)).rejects.toEqual(new SetupCodeRefused("privileged_account"));
    await expect(issueSetupCode(db, "H00001", as(hr), 72)).rejects.toEqual(new SetupCodeRefused("own_account"));
    const codes = await db.selectFrom("setup_codes").select("staff_id").execute();
    expect(codes).toEqual([]);
  });

  it("lets HR recover a staff account and admins an HR account", async () => {
    expect((await issueThroughPage(hr.id, "S00001")).status).toBe(200);
    expect((await issueThroughPage(admin.id, "H00002")).status).toBe(200);
    expect(otherHr.role).toBe("hr");
  });

  it("audits a password set with a code, ends the person's sessions and tells them at their next sign-in", async () => {
    const before = await signIn(db, { employeeNumber: "S00001", password: PASSWORD, address: "10.0.0.1" }, policies);
    if (!before.ok) throw new Error("expected to sign in");
    const { code } = await issueSetupCode(db, "S00001", as(hr), 72);
    const newPassword = "a brand new long password";
    expect(await redeemSetupCode(db, { employeeNumber: "S00001", code, password: newPassword })).toEqual({ ok: true, staffId: staff.id });

    expect(await findSessionUser(db, before.secret, policies.session)).toBeNull();
    const audit = await db.selectFrom("audit_log").select(["action", "detail", "actor_id"]).where("action", "=", "setup_code.redeem").execute();
    expect(audit).toEqual([{ action: "setup_code.redeem", actor_id: staff.id, detail: expect.stringContaining('"issuedBy":"H00001"') }]);

    const after = await signIn(db, { employeeNumber: "S00001", password: newPassword, address: "10.0.0.1" }, policies);
    if (!after.ok) throw new Error("expected to sign in");
    const first = await findSessionUser(db, after.secret, policies.session);
    expect(first?.passwordReset).toEqual({ by: "人事\u3000花子 (H00001)", at: expect.any(String) });
    // Said once: the next page of the session does not repeat it.
    expect((await findSessionUser(db, after.secret, policies.session))?.passwordReset).toBeNull();
  });
});

describe("a throttle that holds under bursts (#9 item 2)", () => {
  it("counts each of N simultaneous wrong guesses before checking any, so only the first few are checked", async () => {
    const person = await createStaff(db, { employeeNumber: "B00001", password: PASSWORD });
    const guesses = Array.from({ length: 12 }, (_, i) =>
      signIn(db, { employeeNumber: "B00001", password: `wrong guess ${i}`, address: "10.1.0.1" }, policies),
    );
    const results = await Promise.all(guesses);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(policies.throttle.maxFailures - 1);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(12 - (policies.throttle.maxFailures - 1));
    const sessions = await db.selectFrom("sessions").select("id_hash").where("staff_id", "=", person.id).execute();
    expect(sessions).toEqual([]);
  });

  it("does not sign in the right password sent last in a burst over the limit", async () => {
    const person = await createStaff(db, { employeeNumber: "B00002", password: PASSWORD });
    const burst = [
      ...Array.from({ length: 20 }, (_, i) => ({ password: `wrong ${i}` })),
      { password: PASSWORD },
    ].map((attempt) => signIn(db, { employeeNumber: "B00002", password: attempt.password, address: "10.1.0.2" }, policies));
    const results = await Promise.all(burst);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });
    expect(await db.selectFrom("sessions").select("id_hash").where("staff_id", "=", person.id).execute()).toEqual([]);
  });

  it("stops many addresses guessing one account", async () => {
    await createStaff(db, { employeeNumber: "B00003", password: PASSWORD });
    const now = new Date("2026-11-29T09:00:00Z");
    const strict = { ...policies, throttle: { maxFailures: 1, lockMinutes: 15 } };
    for (let i = 0; i < 10; i++) {
      await signIn(db, { employeeNumber: "B00003", password: "", address: `192.0.2.${i}` }, strict, now);
    }
    expect(await signIn(db, { employeeNumber: "B00003", password: PASSWORD, address: "192.0.2.250" }, strict, now)).toMatchObject({
      ok: false,
      reason: "locked",
    });
  }, 120_000);

  it("gives back a successful sign-in's count, so an office behind one address is not locked by its own sign-ins", async () => {
    const now = new Date("2026-11-29T10:00:00Z");
    const strict = { ...policies, throttle: { maxFailures: 1, lockMinutes: 15 } };
    // The address limit is 10 at this policy; 11 sign-ins come from it.
    for (let i = 0; i < 11; i++) {
      const result = await signIn(db, { employeeNumber: "A00001", password: PASSWORD, address: "10.9.0.1" }, strict, now);
      expect(result.ok).toBe(true);
    }
  }, 120_000);
});

describe("password hashes (#8 sign-in memory)", () => {
  it("rewrites a hash made with the older 128 MB parameters at the next sign-in", async () => {
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD.normalize("NFKC"), salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
    const old = ["scrypt", 2 ** 17, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
    const person = await createStaff(db, { employeeNumber: "R00001" });
    await db.updateTable("staff").set({ password_hash: old }).where("id", "=", person.id).execute();
    expect((await signIn(db, { employeeNumber: "R00001", password: PASSWORD, address: "10.5.0.1" }, policies)).ok).toBe(true);
    const { password_hash: rewritten } = await db.selectFrom("staff").select("password_hash").where("id", "=", person.id).executeTakeFirstOrThrow();
    expect(rewritten).toMatch(/^scrypt\$65536\$8\$2\$/);
    expect((await signIn(db, { employeeNumber: "R00001", password: PASSWORD, address: "10.5.0.1" }, policies)).ok).toBe(true);
  }, 60_000);
});

describe("redirect targets (#9 item 4)", () => {
  it("keeps only same-origin paths, judged after the URL parser's normalisation", () => {
    for (const target of ["/\t/evil.example/", "/\\evil.example", "/.//evil.example/", "//evil.example", "https://evil.example/", "/\n/evil.example", "javascript:alert(1)"]) {
      expect({ target, path: safeRedirectPath(target) }).toEqual({ target, path: "/" });
    }
    expect(safeRedirectPath("/surveys/kpi-2025?step=2#q3")).toBe("/surveys/kpi-2025?step=2#q3");
    expect(safeRedirectPath("/messages/../surveys")).toBe("/surveys");
  });

  it("sends a person who signs in with a crafted redirectTo to the home page", async () => {
    const body = new URLSearchParams({ employeeNumber: "A00001", password: PASSWORD, redirectTo: "/\t/evil.example/" });
    const request = await requestAs(db, null, "/login", { method: "POST", body });
    const response = await responseOf(() => loginAction({ request, params: {}, context: { clientAddress: "10.3.0.1" } }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
  });
});

describe("housekeeping (#9 item 9)", () => {
  it("purges sessions past their limits and setup codes used or expired, and keeps live ones", async () => {
    const now = new Date();
    const live = await signIn(db, { employeeNumber: "A00001", password: PASSWORD, address: "10.4.0.1" }, policies);
    if (!live.ok) throw new Error("expected to sign in");
    const old = new Date(now.getTime() - 13 * 3_600_000);
    await db
      .insertInto("sessions")
      .values([
        { id_hash: "expired", staff_id: staff.id, created_at: old.toISOString(), last_seen_at: old.toISOString(), expires_at: old.toISOString() },
        { id_hash: "idle", staff_id: staff.id, created_at: old.toISOString(), last_seen_at: old.toISOString(), expires_at: new Date(now.getTime() + 3_600_000).toISOString() },
      ])
      .execute();
    const expiredCode = await issueSetupCode(db, "H00002", as(admin), 1, old);
    const liveCode = await issueSetupCode(db, "S00001", as(admin), 72, now);
    await purgeExpired(db, policies.session, now);
    const sessions = await db.selectFrom("sessions").select("id_hash").execute();
    expect(sessions.map((s) => s.id_hash)).not.toEqual(expect.arrayContaining(["expired"]));
    expect(sessions.map((s) => s.id_hash)).not.toEqual(expect.arrayContaining(["idle"]));
    expect(await findSessionUser(db, live.secret, policies.session, now)).not.toBeNull();
    const codes = await db.selectFrom("setup_codes").select(["used_at", "expires_at"]).execute();
    expect(codes).toEqual([{ used_at: null, expires_at: liveCode.expiresAt }]);
    expect(expiredCode.expiresAt < now.toISOString()).toBe(true);
  });
});

/** Counts the queries that read the sessions table. */
/** A second connection to the test file that counts the statements reading sessions. */
function countingSessionReads() {
  const counter = { reads: 0 };
  const counting = createDb(file, {
    log: (event) => {
      if (event.level === "query" && /^select\b.*\bfrom "sessions"/s.test(event.query.sql)) counter.reads += 1;
    },
  });
  return { counter, db: counting };
}

describe("one session lookup per request (#8)", () => {
  it("looks the session up once for the root loader and the page's loader together", async () => {
    const counting = countingSessionReads();
    useDatabaseForApp(counting.db);
    try {
      // As the HTTP server hands it to Remix: named, each loader getting a copy.
      const signedIn = await requestAs(db, staff.id, "/");
      const incoming = { headers: Object.fromEntries(signedIn.headers) as Record<string, string | string[] | undefined> };
      openRequestScope(incoming, new EventEmitter());
      const request = () => new Request(signedIn.url, { headers: incoming.headers as Record<string, string> });
      await Promise.all([rootLoader({ request: request(), params: {}, context: {} }), homeLoader({ request: request(), params: {}, context: {} })]);
      expect(counting.counter.reads).toBe(1);
    } finally {
      useDatabaseForApp(db);
      await counting.db.destroy();
    }
  });
});
