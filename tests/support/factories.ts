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

export interface ExtraQuestion {
  code: string;
  type: "single_choice" | "multiple_choice" | "free_text";
  text: string;
  /** Labels of options 1, 2, …, the same in both languages unless given as [ja, en]. */
  options?: readonly (string | readonly [string, string])[];
  maxChoices?: number;
  required?: boolean;
}

/** Adds a question to the end of a survey's last section (the template's questions stay as they are). */
export async function addQuestion(db: Kysely<Database>, surveyId: number, question: ExtraQuestion): Promise<number> {
  const section = await db.selectFrom("survey_sections").select("id").where("survey_id", "=", surveyId).orderBy("position", "desc").executeTakeFirstOrThrow();
  const last = await db.selectFrom("survey_questions").select((eb) => eb.fn.max("position").as("position")).where("section_id", "=", section.id).executeTakeFirst();
  const { id } = await db
    .insertInto("survey_questions")
    .values({
      survey_id: surveyId,
      section_id: section.id,
      position: Math.max(100, Number(last?.position ?? 0) + 1),
      code: question.code,
      type: question.type,
      text_ja: question.text,
      text_en: question.text,
      max_choices: question.maxChoices ?? null,
      required: question.required === false ? 0 : 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (question.options && question.options.length > 0) {
    await db
      .insertInto("question_options")
      .values(
        question.options.map((label, index) => {
          const [ja, en] = typeof label === "string" ? [label, label] : label;
          return { question_id: id, value: index + 1, label_ja: ja, label_en: en };
        }),
      )
      .execute();
  }
  return id;
}
