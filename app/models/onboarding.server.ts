import type { Kysely } from "kysely";
import type { Database, Role } from "#db/schema";
import { formatEraDateTime } from "~/domain/dates";
import type { SetupCodeRefusal } from "~/domain/account-recovery";
import type { LetterSelection } from "~/domain/onboarding";
import { dictionaryFor } from "~/i18n";
import type { Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { type SetupCodeIssuer, replaceSetupCode } from "./auth.server";
import { enqueueEmail } from "./notifications.server";

/** What still keeps people from using Yell: no password yet, no e-mail for notices, a supervisor the roster does not know. */
export async function rosterGaps(db: Db) {
  const [counts, unknownSupervisor] = await Promise.all([
    db
      .selectFrom("staff")
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when("password_hash", "is", null).then(1).else(0).end()).as("withoutPassword"),
        eb.fn.sum<number>(eb.case().when("email", "is", null).then(1).else(0).end()).as("withoutEmail"),
      ])
      .where("active", "=", 1)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("staff as member")
      .leftJoin("staff as supervisor", (join) => join.onRef("supervisor.employee_number", "=", "member.supervisor_number").on("supervisor.active", "=", 1))
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("member.active", "=", 1)
      .where("member.supervisor_number", "is not", null)
      .where("supervisor.id", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return { withoutPassword: Number(counts.withoutPassword ?? 0), withoutEmail: Number(counts.withoutEmail ?? 0), unknownSupervisor: Number(unknownSupervisor.count) };
}

export interface LetterCandidate {
  id: number;
  employeeNumber: string;
  name: string;
  unit: string;
  role: Role;
  email: string | null;
  hasPassword: boolean;
}

/** Active staff matching the selection, by unit and kana: the order letters are printed and handed out in. */
export async function findLetterCandidates(db: Db, selection: LetterSelection): Promise<LetterCandidate[]> {
  let query = db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .select(["staff.id", "staff.employee_number", "staff.name", "staff.role", "staff.email", "staff.password_hash", "departments.path"])
    .where("staff.active", "=", 1);
  if (selection.department) query = query.where((eb) => eb.or([eb("departments.path", "=", selection.department!), eb("departments.path", "like", `${selection.department!.replace(/[%_\\]/g, "")}/%`)]));
  if (selection.addedSince) query = query.where("staff.created_at", ">=", new Date(`${selection.addedSince}T00:00:00+09:00`).toISOString());
  if (selection.withoutPasswordOnly) query = query.where("staff.password_hash", "is", null);
  const rows = await query.orderBy("departments.path").orderBy("staff.name_kana").execute();
  return rows.map((row) => ({ id: row.id, employeeNumber: row.employee_number, name: row.name, unit: row.path, role: row.role, email: row.email, hasPassword: row.password_hash !== null }));
}

export interface SetupLetter {
  employeeNumber: string;
  name: string;
  unit: string;
  code: string;
  expiresAt: string;
}

export interface LetterBatch {
  letters: SetupLetter[];
  skipped: { employeeNumber: string; name: string; reason: SetupCodeRefusal }[];
  emailed: number;
}

/**
 * Issues setup codes for the selection in one transaction, applying the same rule as a single
 * code (`setupCodeRefusal`: only admins for HR and admin accounts, never oneself), and audits it as one batch. With
 * `emailTo`, each person with an address also gets their letter by e-mail through the queue; the
 * codes themselves are returned only to print.
 */
export async function issueSetupLetters(
  db: Kysely<Database>,
  issuer: SetupCodeIssuer,
  selection: LetterSelection,
  options: { validHours: number; setupUrl: string; email: boolean },
  now = new Date(),
): Promise<LetterBatch> {
  return db.transaction().execute(async (trx) => {
    const candidates = await findLetterCandidates(trx, selection);
    const batch: LetterBatch = { letters: [], skipped: [], emailed: 0 };
    for (const person of candidates) {
      const issued = await replaceSetupCode(trx, person, issuer, options.validHours, now);
      if (!issued.ok) {
        batch.skipped.push({ employeeNumber: person.employeeNumber, name: person.name, reason: issued.refusal });
        continue;
      }
      const letter = { employeeNumber: person.employeeNumber, name: person.name, unit: person.unit, code: issued.code, expiresAt: issued.expiresAt };
      batch.letters.push(letter);
      if (options.email && person.email) {
        await enqueueEmail(trx, { staffId: person.id, kind: "setup_letter", to: person.email, ...letterEmail(letter, options.setupUrl) }, now);
        batch.emailed++;
      }
    }
    await recordAudit(
      trx,
      issuer,
      "setup_code.issue_batch",
      { selection, issued: batch.letters.map((l) => l.employeeNumber), skipped: batch.skipped.map((s) => s.employeeNumber), emailed: batch.emailed },
      batch.letters.length,
      now,
    );
    return batch;
  });
}

function letterEmail(letter: SetupLetter, setupUrl: string) {
  const ja = dictionaryFor("ja").onboarding.letter;
  const en = dictionaryFor("en").onboarding.letter;
  const body = (l: typeof ja, locale: "ja" | "en") =>
    [l.greeting(letter.name), "", l.body, "", `${l.employeeNumber}: ${letter.employeeNumber}`, `${l.code}: ${letter.code}`, `${l.url}: ${setupUrl}`, `${l.expires}: ${formatEraDateTime(letter.expiresAt, locale)}`, "", l.keepSecret].join("\n");
  return { subject: ja.subject, body: `${body(ja, "ja")}\n\n----------\n\n${body(en, "en")}\n` };
}
