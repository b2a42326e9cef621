import type { Kysely } from "kysely";
import type { Database, Role } from "#db/schema";
import { type DemoAccount, demoAccounts, demoFamilyNames, demoGivenNames, demoSections } from "#db/seed/demo-ward";
import { seededRandom } from "~/domain/survey/synthetic";
import { hashPassword } from "~/utils/password.server";
import { recordAudit } from "./audit.server";
import { seedDemoMessages } from "./demo-messages.server";
import { seedDemoActions } from "./demo-actions.server";
import { seedDemoSurveys } from "./demo-surveys.server";

interface DemoPerson {
  departmentPath: string;
  jobLevel: string;
  employmentType: string;
  birthYear: number;
  supervisorKey: string | null;
  key: string;
}

/** Birth-year ranges by job level, so age bands in the results look like a real ward's. */
const BIRTH_YEARS: Record<string, [number, number]> = {
  director: [1964, 1969],
  section_chief: [1967, 1976],
  assistant_chief: [1970, 1982],
  unit_chief: [1974, 1988],
  senior_staff: [1980, 1996],
  staff: [1989, 2004],
  chief_technician: [1966, 1975],
  lead_technician: [1970, 1984],
  senior_technician: [1975, 1994],
  technician: [1985, 2004],
};
const REAPPOINTED_BIRTH_YEARS: [number, number] = [1959, 1964];
const MEMBER_SCALE = 1.2;

function planDemoPeople(random: () => number): DemoPerson[] {
  const between = ([low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));
  const people: DemoPerson[] = [];
  const regular = (departmentPath: string, jobLevel: string, supervisorKey: string | null, key: string) =>
    people.push({ departmentPath, jobLevel, employmentType: "regular", birthYear: between(BIRTH_YEARS[jobLevel]!), supervisorKey, key });

  const seen = new Set<string>();
  for (const section of demoSections) {
    const [bu, ka] = section.path.split("/") as [string, string, string];
    const buPath = bu;
    const kaPath = `${bu}/${ka}`;
    if (!seen.has(buPath)) {
      seen.add(buPath);
      regular(buPath, "director", null, buPath);
    }
    if (!seen.has(kaPath)) {
      seen.add(kaPath);
      regular(kaPath, section.technical ? "chief_technician" : "section_chief", buPath, kaPath);
      if (!section.technical) regular(kaPath, "assistant_chief", kaPath, `${kaPath}#assistant`);
    }
    regular(section.path, section.technical ? "lead_technician" : "unit_chief", kaPath, section.path);
    const members = Math.round(section.members * MEMBER_SCALE);
    for (let i = 0; i < members; i++) {
      const roll = random();
      const senior = random() < 0.3;
      const jobLevel = section.technical ? (senior ? "senior_technician" : "technician") : senior ? "senior_staff" : "staff";
      const employmentType = roll < 0.12 ? "fiscal_year" : roll < 0.18 ? "reappointed" : roll < 0.2 ? "temporary" : "regular";
      const birthYear = between(employmentType === "reappointed" ? REAPPOINTED_BIRTH_YEARS : BIRTH_YEARS[jobLevel]!);
      people.push({ departmentPath: section.path, jobLevel, employmentType, birthYear, supervisorKey: section.path, key: `${section.path}#${i}` });
    }
  }
  return people;
}

function employeeNumber(n: number) {
  return String(n).padStart(6, "0");
}

/** The people the demo accounts belong to: HR's own 人事係, so the roles look natural. */
function demoAccountHolders(): Map<string, DemoAccount> {
  const personnel = "総務部/人事課/人事係";
  const [admin, hr] = [`${personnel}#0`, personnel];
  const byRole = new Map(demoAccounts.map((a) => [a.role, a]));
  return new Map([
    [admin, byRole.get("admin")!],
    [hr, byRole.get("hr")!],
  ]);
}

export type DemoSeedOutcome = { seeded: false } | { seeded: true; accounts: DemoAccount[] };

/** Seeds the demo ward into an empty database; a database holding any staff is never touched. */
export async function seedDemoIfEmpty(db: Kysely<Database>, now = new Date()): Promise<DemoSeedOutcome> {
  const existing = await db.selectFrom("staff").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const departments = await db.selectFrom("departments").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  if (Number(existing.count) > 0 || Number(departments.count) > 0) return { seeded: false };

  const random = seededRandom(20240401);
  const people = planDemoPeople(random);
  const holders = demoAccountHolders();
  const passwordHashes = new Map<string, string>();
  for (const account of demoAccounts) passwordHashes.set(account.employeeNumber, await hashPassword(account.password));

  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const departmentIds = new Map<string, number>();
    for (const path of new Set(people.map((p) => p.departmentPath).concat(demoSections.map((s) => s.path)))) {
      const segments = path.split("/");
      for (let depth = 1; depth <= segments.length; depth++) {
        const partial = segments.slice(0, depth).join("/");
        if (departmentIds.has(partial)) continue;
        const inserted = await trx
          .insertInto("departments")
          .values({
            parent_id: depth > 1 ? departmentIds.get(segments.slice(0, depth - 1).join("/"))! : null,
            name: segments[depth - 1]!,
            path: partial,
            depth,
            created_at: stamp,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        departmentIds.set(partial, inserted.id);
      }
    }

    const numbers = new Map<string, string>();
    let next = 3;
    for (const person of people) {
      const account = holders.get(person.key);
      numbers.set(person.key, account ? account.employeeNumber : employeeNumber(next++));
    }

    const rows = people.map((person) => {
      const number = numbers.get(person.key)!;
      const [family, familyKana] = demoFamilyNames[Math.floor(random() * demoFamilyNames.length)]!;
      const [given, givenKana] = demoGivenNames[Math.floor(random() * demoGivenNames.length)]!;
      const role: Role = holders.get(person.key)?.role ?? "staff";
      return {
        employee_number: number,
        name: `${family}\u3000${given}`,
        name_kana: `${familyKana}\u3000${givenKana}`,
        email: `s${number}@yell-demo.example`,
        department_id: departmentIds.get(person.departmentPath)!,
        job_level_code: person.jobLevel,
        employment_type_code: person.employmentType,
        birth_year: person.birthYear,
        supervisor_number: person.supervisorKey ? (numbers.get(person.supervisorKey) ?? null) : null,
        role,
        active: 1,
        password_hash: passwordHashes.get(number) ?? null,
        created_at: stamp,
        updated_at: stamp,
      };
    });
    for (let i = 0; i < rows.length; i += 100) await trx.insertInto("staff").values(rows.slice(i, i + 100)).execute();
    await recordAudit(trx, { id: null, label: "demo" }, "demo.seed", { staff: rows.length }, rows.length, now);
  });
  await seedDemoSurveys(db, now);
  await seedDemoMessages(db, now);
  const manager = await seedDemoActions(db, now);
  // The demo's history (a survey opened, messages, thanks and rounds months ago) shows in the app,
  // but it is not news and its addresses are made up: none of it is e-mailed, even with SMTP set.
  // The installation was empty, so every queued e-mail is the seed's.
  await db.deleteFrom("email_queue").execute();
  return { seeded: true, accounts: manager ? [...demoAccounts, manager] : demoAccounts };
}
