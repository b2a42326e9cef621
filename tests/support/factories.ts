import type { Kysely } from "kysely";
import type { Database, Role } from "#db/schema";
import { hashPassword } from "~/utils/password.server";

let sequence = 0;

/** Creates (or reuses) a department by its full path, creating the parents it needs. */
export async function ensureDepartment(db: Kysely<Database>, path: string): Promise<number> {
  const segments = path.split("/");
  let parentId: number | null = null;
  for (let depth = 1; depth <= segments.length; depth++) {
    const partial = segments.slice(0, depth).join("/");
    const found = await db.selectFrom("departments").select("id").where("path", "=", partial).executeTakeFirst();
    if (found) {
      parentId = found.id;
      continue;
    }
    const inserted: { id: number } = await db
      .insertInto("departments")
      .values({ parent_id: parentId, name: segments[depth - 1]!, path: partial, depth, created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    parentId = inserted.id;
  }
  return parentId!;
}

export interface StaffOverrides {
  employeeNumber?: string;
  name?: string;
  role?: Role;
  active?: boolean;
  password?: string;
  departmentPath?: string;
  jobLevel?: string;
  employmentType?: string;
  birthYear?: number;
  supervisorNumber?: string | null;
}

/** A staff member with plausible defaults; give a password to make them able to sign in. */
export async function createStaff(db: Kysely<Database>, overrides: StaffOverrides = {}) {
  sequence += 1;
  const now = new Date().toISOString();
  const departmentId = await ensureDepartment(db, overrides.departmentPath ?? "総務部/人事課/人事係");
  const row = await db
    .insertInto("staff")
    .values({
      employee_number: overrides.employeeNumber ?? `T${String(sequence).padStart(5, "0")}`,
      name: overrides.name ?? `試験\u3000太郎${sequence}`,
      name_kana: "シケン\u3000タロウ",
      email: null,
      department_id: departmentId,
      job_level_code: overrides.jobLevel ?? "staff",
      employment_type_code: overrides.employmentType ?? "regular",
      birth_year: overrides.birthYear ?? 1990,
      supervisor_number: overrides.supervisorNumber ?? null,
      role: overrides.role ?? "staff",
      active: overrides.active === false ? 0 : 1,
      password_hash: overrides.password ? await hashPassword(overrides.password) : null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return row;
}
