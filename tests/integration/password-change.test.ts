import { describe, expect, it } from "vitest";
import { signIn } from "~/models/auth.server";
import { findSessionUser } from "~/models/session.server";
import { action } from "~/routes/account.password";
import { sessionCookie } from "~/utils/session.server";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);
const policies = { session: { idleMinutes: 30, absoluteHours: 12 }, throttle: { maxFailures: 5, lockMinutes: 15 } };
await createStaff(db, { employeeNumber: "000910", password: "the old password" });

async function sessionSecret() {
  const result = await signIn(db, { employeeNumber: "000910", password: "the old password", address: "a" }, policies);
  if (!result.ok) throw new Error("expected success");
  return result.secret;
}

async function post(secret: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  const request = new Request("http://localhost/account/password", {
    method: "POST",
    body,
    headers: { Cookie: await sessionCookie().serialize(secret) },
  });
  return responseOf(() => action({ request, params: {}, context: {} }));
}

describe("changing one's password", () => {
  it("refuses a wrong current password and a mismatched confirmation, changing nothing", async () => {
    const secret = await sessionSecret();
    const wrong = await post(secret, { currentPassword: "not it", password: "a brand new password", confirmPassword: "a brand new password" });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { errors: Record<string, string> }).errors).toEqual({ currentPassword: "今のパスワードが正しくありません。" });
    const mismatch = await post(secret, { currentPassword: "the old password", password: "a brand new password", confirmPassword: "another one" });
    expect(((await mismatch.json()) as { errors: Record<string, string> }).errors).toEqual({ confirmPassword: "確認用のパスワードが一致しません。" });
    expect((await signIn(db, { employeeNumber: "000910", password: "the old password", address: "b" }, policies)).ok).toBe(true);
  });

  it("sets the new password and ends every other session, keeping this one", async () => {
    const elsewhere = await sessionSecret();
    const here = await sessionSecret();
    const changed = await post(here, { currentPassword: "the old password", password: "a brand new password", confirmPassword: "a brand new password" });
    expect(changed.status).toBe(302);
    expect(await findSessionUser(db, here, policies.session)).not.toBeNull();
    expect(await findSessionUser(db, elsewhere, policies.session)).toBeNull();
    expect((await signIn(db, { employeeNumber: "000910", password: "the old password", address: "c" }, policies)).ok).toBe(false);
    expect((await signIn(db, { employeeNumber: "000910", password: "a brand new password", address: "c" }, policies)).ok).toBe(true);
  });
});
