import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** Timestamps are ISO-8601 text in UTC; booleans are 0/1. */
export interface DepartmentTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  /** Full path with "/" between levels, e.g. 総務部/人事課/研修係. */
  path: string;
  depth: number;
  created_at: string;
}

export interface JobLevelTable {
  code: string;
  name_ja: string;
  name_en: string;
  ladder: "administrative" | "technical";
  sort_order: number;
}

export interface EmploymentTypeTable {
  code: string;
  name_ja: string;
  name_en: string;
  sort_order: number;
}

export type Role = "staff" | "hr" | "admin";

export interface StaffTable {
  id: Generated<number>;
  employee_number: string;
  name: string;
  name_kana: string;
  email: string | null;
  department_id: number;
  job_level_code: string;
  employment_type_code: string;
  birth_year: number;
  supervisor_number: string | null;
  role: Role;
  active: number;
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface SetupCodeTable {
  id: Generated<number>;
  staff_id: number;
  code_hash: string;
  expires_at: string;
  used_at: string | null;
  issued_by: number | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's random id: a copy of the database cannot be replayed as cookies. */
  id_hash: string;
  staff_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SignInFailureTable {
  throttle_key: string;
  window_started_at: string;
  failures: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  /** Who acted, as shown in the log: an employee number, or "cli" for operators. */
  actor_label: string;
  action: string;
  /** JSON with what was done; never survey answers or message text. */
  detail: string;
  row_count: number | null;
  created_at: string;
}

export interface Database {
  departments: DepartmentTable;
  job_levels: JobLevelTable;
  employment_types: EmploymentTypeTable;
  staff: StaffTable;
  setup_codes: SetupCodeTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  audit_log: AuditLogTable;
}

export type Department = Selectable<DepartmentTable>;
export type JobLevel = Selectable<JobLevelTable>;
export type EmploymentType = Selectable<EmploymentTypeTable>;
export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type StaffUpdate = Updateable<StaffTable>;
export type Session = Selectable<SessionTable>;
export type AuditEntry = Selectable<AuditLogTable>;
