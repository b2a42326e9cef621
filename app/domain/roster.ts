import { z } from "zod";
import type { Role } from "#db/schema";
import type { Dictionary } from "~/i18n/dictionary";
import { type CsvRecord, parseCsv } from "./csv";
import { employeeNumberSchema, hasControlCharacters, normaliseEmployeeNumber } from "./identity";

/** Large enough for a ward's whole roster several times over; small enough to hold in memory. */
export const MAX_ROSTER_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DEPARTMENT_DEPTH = 3;
export const MAX_DEPARTMENT_NAME_LENGTH = 50;
export const OLDEST_BIRTH_YEAR = 1940;
/** Nobody younger than this is on a municipal payroll. */
export const YOUNGEST_STAFF_AGE = 15;

/** A job level or employment type as the database lists it. */
export interface ReferenceChoice {
  code: string;
  nameJa: string;
  nameEn: string;
}

export interface RosterReference {
  jobLevels: readonly ReferenceChoice[];
  employmentTypes: readonly ReferenceChoice[];
}

/** A staff member as the roster holds them today, in the terms the import compares. */
export interface StaffSnapshot {
  id: number;
  employeeNumber: string;
  name: string;
  nameKana: string;
  email: string | null;
  departmentPath: string;
  jobLevelCode: string;
  employmentTypeCode: string;
  birthYear: number;
  supervisorNumber: string | null;
  role: Role;
  active: boolean;
}

/** What a staff member will look like once the import is applied. */
export type StaffValues = Omit<StaffSnapshot, "id">;

/**
 * One row's values. In the optional columns, null is an empty cell and undefined a column the
 * file leaves out, which keeps what the roster holds. An empty role also keeps the current one
 * (new staff get "staff"): there is no such thing as no role.
 */
export interface RowValues extends Omit<StaffValues, "email" | "supervisorNumber" | "role" | "active"> {
  email?: string | null;
  supervisorNumber?: string | null;
  role?: Role | null;
}

export interface RosterRow {
  /** The Excel row the record came from. */
  line: number;
  values: RowValues;
}

type RowField = keyof RowValues;

/** The file's columns, their English and Japanese headers, and whether a file may leave them out. */
export const ROSTER_COLUMNS: readonly { field: RowField; en: string; ja: string; required: boolean }[] = [
  { field: "employeeNumber", en: "employee_id", ja: "職員番号", required: true },
  { field: "name", en: "name", ja: "氏名", required: true },
  { field: "nameKana", en: "name_kana", ja: "氏名カナ", required: true },
  { field: "email", en: "email", ja: "メール", required: false },
  { field: "departmentPath", en: "department", ja: "所属", required: true },
  { field: "jobLevelCode", en: "job_level", ja: "職層", required: true },
  { field: "employmentTypeCode", en: "employment_type", ja: "雇用形態", required: true },
  { field: "birthYear", en: "birth_year", ja: "生年", required: true },
  { field: "supervisorNumber", en: "supervisor_id", ja: "上司職員番号", required: false },
  { field: "role", en: "role", ja: "権限", required: false },
];

export type RosterProblem =
  | { code: "emptyFile" }
  | { code: "noDataRows" }
  | { code: "unclosedQuote" }
  | { code: "unknownColumn" }
  | { code: "duplicateColumn" }
  | { code: "missingColumn" }
  | { code: "cellWithoutHeader" }
  | { code: "required" }
  | { code: "controlCharacters" }
  | { code: "invalid" }
  | { code: "tooLong"; max: number }
  | { code: "employeeNumber" }
  | { code: "kana" }
  | { code: "email" }
  | { code: "department"; maxDepth: number; maxLength: number }
  | { code: "jobLevel"; choices: readonly ReferenceChoice[] }
  | { code: "employmentType"; choices: readonly ReferenceChoice[] }
  | { code: "role" }
  | { code: "birthYear"; min: number; max: number }
  | { code: "duplicateEmployeeNumber"; firstLine: number }
  | { code: "unknownSupervisor"; supervisorNumber: string }
  | { code: "selfSupervisor" }
  | { code: "roleChangeForbidden" }
  | { code: "protectedFromDeactivation"; employeeNumber: string; who: "self" | "admin" }
  | { code: "ownRole" }
  | { code: "lastAdmin" };

export interface RosterIssue {
  /** Excel's row number (the header is 1); null for problems with the file as a whole. */
  line: number | null;
  /** The header as written in the file, or an Excel column letter where there is none. */
  column: string | null;
  problem: RosterProblem;
}

export interface ImportRules {
  deactivateMissing: boolean;
  /** Administrators and CLI operators may; HR staff may neither hand out hr/admin nor change a role. */
  canChangeRoles: boolean;
  /** Who imports through the browser (their own account is protected); null at the command line. */
  actingEmployeeNumber: string | null;
  /** Anchors the plausible birth years. */
  currentYear: number;
}

/* ---------- normalisation ---------- */

/** Full-width and half-width katakana alike, with any spaces (full-width included) as one full-width space. */
export function normaliseKana(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/\s+/gu, "\u3000");
}

/**
 * Japanese names separate family and given name with a full-width space however they were typed,
 * so a re-import from another spreadsheet does not show every name as changed. Names in Latin
 * letters keep a plain space.
 */
export function normaliseName(raw: string): string {
  const name = raw.trim();
  return name.replace(/\s+/gu, /[^\x00-\x7F]/u.test(name) ? "\u3000" : " ");
}

/** What a search box's text is matched against: names as typed, kana (hiragana accepted), and employee numbers. */
export function staffSearchTerms(raw: string): { text: string; kana: string; employeeNumberPrefix: string } {
  const text = raw.normalize("NFKC").trim();
  // Hiragana and katakana sit 0x60 code points apart.
  const katakana = text.replace(/[\u3041-\u3096]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60));
  return { text, kana: normaliseKana(katakana), employeeNumberPrefix: normaliseEmployeeNumber(text) };
}

/** Katakana from ァ to ヾ (ー and ・ included), words separated by a full-width space. */
const KANA_PATTERN = /^[\u30A1-\u30FE]+(\u3000[\u30A1-\u30FE]+)*$/u;

/** "総務部／人事課/研修係 " → "総務部/人事課/研修係", or null unless it has 1 to 3 non-empty levels. */
export function normaliseDepartmentPath(raw: string): string | null {
  const levels = raw.replaceAll("／", "/").split("/").map((level) => level.trim());
  if (levels.length > MAX_DEPARTMENT_DEPTH || levels.some((level) => level === "" || level.length > MAX_DEPARTMENT_NAME_LENGTH)) {
    return null;
  }
  return levels.join("/");
}

/** Each level's path from the top: "a/b/c" → ["a", "a/b", "a/b/c"]. */
export function departmentAncestry(path: string): string[] {
  const levels = path.split("/");
  return levels.map((_, index) => levels.slice(0, index + 1).join("/"));
}

function choiceKey(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}

function headerKey(raw: string): string {
  return choiceKey(raw).replace(/[\s-]+/gu, "_");
}

const ROLE_NAMES: ReadonlyMap<string, Role> = new Map([
  ["staff", "staff"],
  ["hr", "hr"],
  ["admin", "admin"],
  ["職員", "staff"],
  ["人事", "hr"],
  ["管理者", "admin"],
]);

/* ---------- the row schema ---------- */

/** Messages the schema names as its errors; each becomes a RosterProblem. */
type SchemaMessage =
  | "controlCharacters"
  | "required" | "employeeNumber" | "kana" | "email" | "department" | "jobLevel" | "employmentType" | "role" | "birthYear";

function fail(ctx: z.RefinementCtx, message: SchemaMessage) {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

const requiredText = z.string().trim().min(1, { error: "required" });

/** Checked before any normalisation, which would turn a line break into a space and hide it. */
const plainText = z.string().refine((value) => !hasControlCharacters(value), { error: "controlCharacters", abort: true });

/** Empty cells become null and a missing column undefined; anything else must pass `schema`. */
function optionalCell<T>(schema: z.ZodType<T, string>) {
  return z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(schema.nullable())
    .optional();
}

function lookupCell(choices: readonly ReferenceChoice[], message: "jobLevel" | "employmentType") {
  const codes = new Map(
    choices.flatMap((choice) => [choice.code, choice.nameJa, choice.nameEn].map((name) => [choiceKey(name), choice.code] as const)),
  );
  return requiredText.transform((value, ctx) => codes.get(choiceKey(value)) ?? fail(ctx, message));
}

export function birthYearRange(currentYear: number) {
  return { min: OLDEST_BIRTH_YEAR, max: currentYear - YOUNGEST_STAFF_AGE };
}

/** One data row, each cell a string (a missing optional column as undefined). */
export function rosterRowSchema(reference: RosterReference, currentYear: number) {
  const years = birthYearRange(currentYear);
  return z.object({
    employeeNumber: employeeNumberSchema,
    name: plainText.transform(normaliseName).pipe(z.string().min(1, { error: "required" }).max(100)),
    nameKana: plainText
      .transform(normaliseKana)
      .pipe(z.string().min(1, { error: "required" }).max(100).regex(KANA_PATTERN, { error: "kana" })),
    email: optionalCell(z.email({ error: "email" }).max(254)),
    departmentPath: plainText.pipe(requiredText).transform((value, ctx) => normaliseDepartmentPath(value) ?? fail(ctx, "department")),
    jobLevelCode: lookupCell(reference.jobLevels, "jobLevel"),
    employmentTypeCode: lookupCell(reference.employmentTypes, "employmentType"),
    birthYear: z
      .string()
      .transform((value) => value.normalize("NFKC").trim())
      .pipe(z.string().min(1, { error: "required" }).regex(/^\d{4}$/, { error: "birthYear" }))
      .transform(Number)
      .pipe(z.number().min(years.min, { error: "birthYear" }).max(years.max, { error: "birthYear" })),
    supervisorNumber: optionalCell(employeeNumberSchema),
    role: optionalCell(z.string().transform((value, ctx) => ROLE_NAMES.get(choiceKey(value)) ?? fail(ctx, "role"))),
  } satisfies Record<RowField, z.ZodType<unknown, string | undefined>>);
}

type RowSchema = ReturnType<typeof rosterRowSchema>;

function problemFromIssue(issue: z.core.$ZodIssue, reference: RosterReference, currentYear: number): RosterProblem {
  const message = issue.message as SchemaMessage;
  switch (message) {
    case "controlCharacters":
    case "required":
    case "employeeNumber":
    case "kana":
    case "email":
    case "role":
      return { code: message };
    case "department":
      return { code: "department", maxDepth: MAX_DEPARTMENT_DEPTH, maxLength: MAX_DEPARTMENT_NAME_LENGTH };
    case "jobLevel":
      return { code: "jobLevel", choices: reference.jobLevels };
    case "employmentType":
      return { code: "employmentType", choices: reference.employmentTypes };
    case "birthYear":
      return { code: "birthYear", ...birthYearRange(currentYear) };
    default:
      return issue.code === "too_big" && issue.origin === "string" ? { code: "tooLong", max: Number(issue.maximum) } : { code: "invalid" };
  }
}

/* ---------- the header ---------- */

interface ColumnLayout {
  /** Which cell of a record holds each column the file has. */
  indexOf: Map<RowField, number>;
  /** How each column is labelled in messages: as the file wrote it, else in the file's language. */
  labelOf: Map<RowField, string>;
  /** Cells under an empty header, which must stay empty. */
  unnamed: Set<number>;
  width: number;
}

/** Excel's name for a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const COLUMN_BY_HEADER = new Map(ROSTER_COLUMNS.flatMap((column) => [[headerKey(column.en), column] as const, [headerKey(column.ja), column] as const]));

function readHeader(header: CsvRecord): { ok: true; layout: ColumnLayout } | { ok: false; issues: RosterIssue[] } {
  const issues: RosterIssue[] = [];
  const layout: ColumnLayout = { indexOf: new Map(), labelOf: new Map(), unnamed: new Set(), width: header.cells.length };
  let japaneseHeaders = 0;
  header.cells.forEach((cell, index) => {
    const written = cell.trim();
    if (written === "") {
      layout.unnamed.add(index);
      return;
    }
    const column = COLUMN_BY_HEADER.get(headerKey(written));
    if (!column) {
      issues.push({ line: header.line, column: written, problem: { code: "unknownColumn" } });
      return;
    }
    if (layout.indexOf.has(column.field)) {
      issues.push({ line: header.line, column: written, problem: { code: "duplicateColumn" } });
      return;
    }
    if (headerKey(written) === headerKey(column.ja)) japaneseHeaders += 1;
    layout.indexOf.set(column.field, index);
    layout.labelOf.set(column.field, written);
  });
  const language = japaneseHeaders * 2 > layout.indexOf.size ? "ja" : "en";
  for (const column of ROSTER_COLUMNS) {
    if (layout.indexOf.has(column.field)) continue;
    layout.labelOf.set(column.field, column[language]);
    if (column.required) issues.push({ line: header.line, column: column[language], problem: { code: "missingColumn" } });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, layout };
}

/* ---------- the whole file ---------- */

type RecordCells = Partial<Record<RowField, string>>;

function cellsOf(record: CsvRecord, layout: ColumnLayout): RecordCells {
  const cells: RecordCells = {};
  for (const [field, index] of layout.indexOf) cells[field] = record.cells[index] ?? "";
  return cells;
}

function strayCells(record: CsvRecord, layout: ColumnLayout): RosterIssue[] {
  return record.cells.flatMap((cell, index) =>
    (index >= layout.width || layout.unnamed.has(index)) && cell.trim() !== ""
      ? [{ line: record.line, column: columnLetter(index), problem: { code: "cellWithoutHeader" } as const }]
      : [],
  );
}

interface RecordKeys {
  employeeNumber: string | null;
  supervisorNumber: string | null;
  role: Role | null;
}

/** The cells other rows are checked against, read even when the rest of the row is wrong, so every error shows at once. */
function keysOf(cells: RecordCells, schema: RowSchema): RecordKeys {
  const { employeeNumber, supervisorNumber, role } = schema.shape;
  return {
    employeeNumber: employeeNumber.safeParse(cells.employeeNumber).data ?? null,
    supervisorNumber: supervisorNumber.safeParse(cells.supervisorNumber).data ?? null,
    role: role.safeParse(cells.role).data ?? null,
  };
}

function crossRowProblems(
  keys: RecordKeys,
  line: number,
  context: {
    firstLineOf: Map<string, number>;
    knownSupervisors: Set<string>;
    existing: Map<string, StaffSnapshot>;
    canChangeRoles: boolean;
  },
): { field: RowField; problem: RosterProblem }[] {
  const problems: { field: RowField; problem: RosterProblem }[] = [];
  const { employeeNumber, supervisorNumber, role } = keys;
  const firstLine = employeeNumber === null ? undefined : context.firstLineOf.get(employeeNumber);
  if (firstLine !== undefined && firstLine !== line) {
    problems.push({ field: "employeeNumber", problem: { code: "duplicateEmployeeNumber", firstLine } });
  }
  if (supervisorNumber !== null) {
    if (supervisorNumber === employeeNumber) {
      problems.push({ field: "supervisorNumber", problem: { code: "selfSupervisor" } });
    } else if (!context.knownSupervisors.has(supervisorNumber)) {
      problems.push({ field: "supervisorNumber", problem: { code: "unknownSupervisor", supervisorNumber } });
    }
  }
  if (!context.canChangeRoles && employeeNumber !== null) {
    const current = context.existing.get(employeeNumber);
    const resultingRole = role ?? current?.role ?? "staff";
    const changesRole = current !== undefined && role !== null && role !== current.role;
    // Reactivating an inactive hr/admin account would hand the privilege back just the same.
    const grantsPrivilege = resultingRole !== "staff" && !(current?.active && current.role === resultingRole);
    if (changesRole || grantsPrivilege) problems.push({ field: "role", problem: { code: "roleChangeForbidden" } });
  }
  return problems;
}

export type RosterValidation = { ok: true; rows: RosterRow[] } | { ok: false; issues: RosterIssue[] };

/**
 * Checks a whole roster file against the current roster. Either every row is good, or every
 * problem is reported with its Excel row and column so HR can fix the file in one pass.
 */
export function validateRoster(
  text: string,
  reference: RosterReference,
  staff: readonly StaffSnapshot[],
  rules: ImportRules,
): RosterValidation {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, issues: [{ line: parsed.unclosedQuoteLine, column: null, problem: { code: "unclosedQuote" } }] };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, issues: [{ line: null, column: null, problem: { code: "emptyFile" } }] };
  const headerResult = readHeader(header);
  if (!headerResult.ok) return headerResult;
  if (records.length === 0) return { ok: false, issues: [{ line: null, column: null, problem: { code: "noDataRows" } }] };

  const { layout } = headerResult;
  const schema = rosterRowSchema(reference, rules.currentYear);
  const entries = records.map((record) => {
    const cells = cellsOf(record, layout);
    return { record, cells, keys: keysOf(cells, schema) };
  });

  const firstLineOf = new Map<string, number>();
  for (const { record, keys } of entries) {
    if (keys.employeeNumber !== null && !firstLineOf.has(keys.employeeNumber)) firstLineOf.set(keys.employeeNumber, record.line);
  }
  const existing = new Map(staff.map((member) => [member.employeeNumber, member]));
  // Whoever is missing from the file is about to be deactivated, so only the file itself can vouch for a supervisor then.
  const knownSupervisors = new Set(firstLineOf.keys());
  if (!rules.deactivateMissing) {
    for (const member of staff) if (member.active) knownSupervisors.add(member.employeeNumber);
  }
  const crossRowContext = { firstLineOf, knownSupervisors, existing, canChangeRoles: rules.canChangeRoles };

  const rows: RosterRow[] = [];
  const issues: RosterIssue[] = [];
  for (const { record, cells, keys } of entries) {
    const rowIssues = strayCells(record, layout);
    const result = schema.safeParse(cells);
    const reported = new Set<RowField>();
    for (const issue of result.error?.issues ?? []) {
      const field = issue.path[0] as RowField;
      if (reported.has(field)) continue;
      reported.add(field);
      const problem = problemFromIssue(issue, reference, rules.currentYear);
      rowIssues.push({ line: record.line, column: layout.labelOf.get(field) ?? field, problem });
    }
    for (const { field, problem } of crossRowProblems(keys, record.line, crossRowContext)) {
      rowIssues.push({ line: record.line, column: layout.labelOf.get(field) ?? field, problem });
    }
    if (result.success && rowIssues.length === 0) rows.push({ line: record.line, values: result.data });
    else issues.push(...rowIssues);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}

/* ---------- planning ---------- */

export const COMPARED_FIELDS = [
  "name",
  "nameKana",
  "email",
  "departmentPath",
  "jobLevelCode",
  "employmentTypeCode",
  "birthYear",
  "supervisorNumber",
  "role",
  "active",
] as const satisfies readonly (keyof StaffValues)[];

export type ComparedField = (typeof COMPARED_FIELDS)[number];

export type FieldChange = {
  [K in ComparedField]: { field: K; before: StaffValues[K]; after: StaffValues[K] };
}[ComparedField];

export interface RosterPlan {
  added: StaffValues[];
  changed: { before: StaffSnapshot; after: StaffValues; changes: FieldChange[] }[];
  deactivated: StaffSnapshot[];
  unchangedCount: number;
}

function fieldChanges(before: StaffSnapshot, after: StaffValues): FieldChange[] {
  return COMPARED_FIELDS.flatMap((field) =>
    before[field] === after[field] ? [] : [{ field, before: before[field], after: after[field] } as FieldChange],
  );
}

/** What applying valid rows would do to the current roster. */
export function planRosterImport(rows: readonly RosterRow[], staff: readonly StaffSnapshot[], deactivateMissing: boolean): RosterPlan {
  const current = new Map(staff.map((member) => [member.employeeNumber, member]));
  const plan: RosterPlan = { added: [], changed: [], deactivated: [], unchangedCount: 0 };
  for (const { values } of rows) {
    const before = current.get(values.employeeNumber);
    const after: StaffValues = {
      ...values,
      email: values.email === undefined ? (before?.email ?? null) : values.email,
      supervisorNumber: values.supervisorNumber === undefined ? (before?.supervisorNumber ?? null) : values.supervisorNumber,
      role: values.role ?? before?.role ?? "staff",
      active: true,
    };
    if (!before) {
      plan.added.push(after);
      continue;
    }
    const changes = fieldChanges(before, after);
    if (changes.length > 0) plan.changed.push({ before, after, changes });
    else plan.unchangedCount += 1;
  }
  if (deactivateMissing) {
    const inFile = new Set(rows.map((row) => row.values.employeeNumber));
    plan.deactivated = staff.filter((member) => member.active && !inFile.has(member.employeeNumber));
  }
  return plan;
}

export type RosterPreparation = { ok: true; plan: RosterPlan } | { ok: false; issues: RosterIssue[] };

export function prepareRosterImport(
  text: string,
  snapshot: { reference: RosterReference; staff: readonly StaffSnapshot[] },
  rules: ImportRules,
): RosterPreparation {
  const validation = validateRoster(text, snapshot.reference, snapshot.staff, rules);
  if (!validation.ok) return validation;
  const plan = planRosterImport(validation.rows, snapshot.staff, rules.deactivateMissing);
  const issues = protectionIssues(plan, snapshot.staff, rules);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan };
}

/**
 * What no import may do, however valid its rows: take the importing person's own access away, let
 * HR deactivate an administrator (HR could not undo it), or leave the roster without an active admin.
 */
export function protectionIssues(plan: RosterPlan, staff: readonly StaffSnapshot[], rules: ImportRules): RosterIssue[] {
  const issues: RosterIssue[] = [];
  const fileProblem = (problem: RosterProblem) => issues.push({ line: null, column: null, problem });
  for (const member of plan.deactivated) {
    if (member.employeeNumber === rules.actingEmployeeNumber) {
      fileProblem({ code: "protectedFromDeactivation", employeeNumber: member.employeeNumber, who: "self" });
    } else if (member.role === "admin" && !rules.canChangeRoles) {
      fileProblem({ code: "protectedFromDeactivation", employeeNumber: member.employeeNumber, who: "admin" });
    }
  }
  const ownChange = plan.changed.find((change) => change.before.employeeNumber === rules.actingEmployeeNumber);
  if (ownChange && ownChange.before.role !== ownChange.after.role) fileProblem({ code: "ownRole" });

  const adminsBefore = staff.filter((member) => member.active && member.role === "admin").length;
  const leaving = new Set([
    ...plan.deactivated.filter((member) => member.role === "admin").map((member) => member.employeeNumber),
    ...plan.changed.filter((change) => change.before.role === "admin" && change.after.role !== "admin").map((change) => change.before.employeeNumber),
  ]);
  const joining = [...plan.added, ...plan.changed.map((change) => change.after)].filter(
    (person) => person.role === "admin" && !staff.some((member) => member.employeeNumber === person.employeeNumber && member.active && member.role === "admin"),
  ).length;
  if (adminsBefore > 0 && adminsBefore - leaving.size + joining === 0) fileProblem({ code: "lastAdmin" });
  return issues;
}

/* ---------- messages ---------- */

export function describeRosterProblem(problem: RosterProblem, t: Dictionary): string {
  const messages = t.roster.problems;
  switch (problem.code) {
    case "required":
      return t.validation.required;
    case "invalid":
      return t.validation.invalid;
    case "controlCharacters":
      return t.validation.controlCharacters;
    case "tooLong":
      return t.validation.tooLong(problem.max);
    case "employeeNumber":
      return t.validation.employeeNumber;
    case "kana":
      return t.validation.kana;
    case "email":
      return t.validation.email;
    case "department":
      return messages.department(problem.maxDepth, problem.maxLength);
    case "jobLevel":
      return messages.jobLevel(problem.choices);
    case "employmentType":
      return messages.employmentType(problem.choices);
    case "birthYear":
      return messages.birthYear(problem.min, problem.max);
    case "duplicateEmployeeNumber":
      return messages.duplicateEmployeeNumber(problem.firstLine);
    case "unknownSupervisor":
      return messages.unknownSupervisor(problem.supervisorNumber);
    case "protectedFromDeactivation":
      return messages.protectedFromDeactivation(problem.employeeNumber, problem.who);
    default:
      return messages[problem.code];
  }
}

export interface LocalisedIssue {
  line: number | null;
  column: string | null;
  message: string;
}

export function localiseRosterIssues(issues: readonly RosterIssue[], t: Dictionary): LocalisedIssue[] {
  return issues.map(({ line, column, problem }) => ({ line, column, message: describeRosterProblem(problem, t) }));
}
