import { createHmac } from "node:crypto";
import type { DraftKey } from "~/domain/survey/answer-form";
import type { Db } from "~/utils/db.server";

/** The secret is read once per connection; it never changes and never leaves the server. */
const secrets = new WeakMap<object, Promise<Buffer>>();

function draftSecret(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = db
      .selectFrom("server_secrets")
      .select("value")
      .where("name", "=", "draft_key")
      .executeTakeFirstOrThrow()
      .then((row) => Buffer.from(row.value, "base64"));
    secrets.set(db, secret);
  }
  return secret;
}

/**
 * The storage slot and key for one person's answers in progress to one survey. Only a page served
 * to that person's session carries them, so whoever uses the browser next finds other slots and
 * holds other keys; the same person gets the same pair back after a reload, an expired session or
 * a new sign-in.
 */
export async function draftKeyFor(db: Db, staffId: number, surveyCode: string): Promise<DraftKey> {
  const secret = await draftSecret(db);
  const derive = (purpose: string) => createHmac("sha256", secret).update(`${purpose}\u0000${staffId}\u0000${surveyCode}`).digest();
  return { slot: derive("slot").subarray(0, 16).toString("hex"), key: derive("key").toString("base64url") };
}
