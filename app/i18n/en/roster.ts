import type { Dictionary } from "../dictionary";

type Choice = { code: string; nameJa: string; nameEn: string };

const people = (count: number) => (count === 1 ? "1 person" : `${count} people`);

export const roster = {
  title: "Staff roster",
  fields: {
    employeeNumber: "Employee number",
    name: "Name",
    nameKana: "Name (kana)",
    email: "Email",
    departmentPath: "Department",
    jobLevelCode: "Job level",
    employmentTypeCode: "Employment type",
    birthYear: "Birth year",
    supervisorNumber: "Supervisor's employee number",
    role: "Role",
    active: "Status",
  },
  roles: { staff: "Staff", hr: "HR", admin: "Administrator" },
  active: "Active",
  inactive: "Inactive",

  searchLabel: "Name, kana or employee number",
  departmentFilter: "Department",
  allDepartments: "All departments",
  statusFilter: "Status",
  statusActive: "Active only",
  statusInactive: "Inactive only",
  statusAll: "All",
  listCaption: (total: number, from: number, to: number) =>
    total === 0 ? "Staff (none found)" : `Staff (${from}–${to} of ${total})`,
  noStaff: "No staff match these conditions.",
  pagination: "Pages",
  importLink: "Import a roster file",

  supervisor: "Supervisor",
  backToList: "Back to the staff roster",
  setupCodeHeading: "Setup code",
  setupCodeIntro:
    "A one-time code for signing in for the first time or after forgetting a password. Issuing a new code cancels any unused earlier one.",
  issueSetupCode: "Issue a setup code",
  setupCodeIssued: (name: string) => `Setup code issued for ${name}.`,
  setupCodeExpires: (when: string) => `Expires: ${when}`,
  setupCodeShownOnce: "This code will not be shown again. Give it to the person directly.",
  setupCodeRefused: {
    own_account: "You cannot issue a setup code for yourself. Change your password while signed in instead.",
    privileged_account: "Only administrators can issue setup codes for HR staff and administrators.",
  },
  setupCodeInactive: "Setup codes cannot be issued to inactive staff.",
  roleHeading: "Change role",
  roleIntro: "Only administrators can change HR and administrator roles.",
  changeRole: "Change role",
  roleChanged: (role: string) => `Role changed to “${role}”.`,
  cannotDemoteSelf: "You cannot remove your own administrator role. Ask another administrator.",

  importTitle: "Import the roster",
  importIntro:
    "Save HR's staff roster (Excel) as CSV and import it. Before anything changes you will see who is added, changed or deactivated.",
  formatHeading: "File format",
  formatIntro:
    "The first row holds the headers, in Japanese or English, in any order. The file may be UTF-8 or Shift_JIS.",
  formatColumn: "Header (Japanese / English)",
  formatRequired: "Required",
  formatNotes: "Contents",
  formatNotesByField: {
    employeeNumber: "Letters, digits and hyphens. Leading zeros are kept.",
    name: "Up to 100 characters. Spaces in Japanese names become one full-width space.",
    nameKana: "Katakana (half-width is fine), a space between family and given name.",
    email: "Optional. Leave the column out to keep the current addresses.",
    departmentPath: "1 to 3 levels, like 総務部/人事課/研修係. New departments are created.",
    jobLevelCode: "The job level's name (Japanese or English) or code.",
    employmentTypeCode: "The employment type's name (Japanese or English) or code.",
    birthYear: "Four digits.",
    supervisorNumber:
      "Optional. The employee number of someone in the file or active on the roster. Leave the column out to keep the current supervisors.",
    role: "Optional. staff, hr or admin. If empty, new staff get “staff” and existing staff keep their role.",
  },
  fileLabel: "Roster file (CSV)",
  fileHint: (mb: number) => `Up to ${mb} MB.`,
  deactivateMissing: "Deactivate staff missing from the file",
  deactivateMissingHint: "Choose this to take people who have left off the roster. Deactivated staff can no longer sign in.",
  preview: "Check the changes",
  previewTitle: "Check the import",
  previewSummary: (added: number, changed: number, deactivated: number, unchanged: number) =>
    `Added: ${added}. Changed: ${changed}. Deactivated: ${deactivated}. Unchanged: ${unchanged}.`,
  previewNotYet: "Nothing has been imported yet. Check the changes, then choose “Import these changes”.",
  nothingToChange: "The file matches the roster: there is nothing to change.",
  addedCaption: (count: number) => `Staff to be added (${people(count)})`,
  changedCaption: (count: number) => `Staff to be changed (${people(count)})`,
  deactivatedCaption: (count: number) => `Staff to be deactivated (${people(count)})`,
  changesColumn: "Changes",
  addedBadge: "Added",
  changedBadge: "Changed",
  deactivatedBadge: "Deactivated",
  fieldChange: (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
  empty: "(none)",
  confirm: "Import these changes",
  chooseAnother: "Choose another file",
  importDone: (added: number, changed: number, deactivated: number) =>
    `Roster imported (added ${added}, changed ${changed}, deactivated ${deactivated}).`,
  issuesTitle: (count: number) =>
    `Nothing was imported: the file has ${count === 1 ? "1 problem" : `${count} problems`}. Fix the file and choose it again.`,
  issuesCaption: "Problems in the file",
  issueLineColumn: "Line",
  issueColumnColumn: "Column",
  issueReasonColumn: "Problem",
  wholeFile: "Whole file",
  problems: {
    emptyFile: "The file is empty.",
    noDataRows: "The file has only the header row. Put the staff from row 2 on.",
    unclosedQuote: "A quote (\") opened in this row is never closed.",
    unknownColumn: "This header is not one Yell knows. Check the list of headers.",
    duplicateColumn: "This header appears twice.",
    missingColumn: "This required column is missing.",
    cellWithoutHeader: "This cell has a value but its column has no header.",
    department: (maxDepth: number, maxLength: number) =>
      `Write the department as 1 to ${maxDepth} levels like 総務部/人事課/研修係, each up to ${maxLength} characters.`,
    jobLevel: (choices: readonly Choice[]) => `Use one of these job levels: ${choices.map((c) => `${c.nameEn} (${c.nameJa})`).join(", ")}`,
    employmentType: (choices: readonly Choice[]) =>
      `Use one of these employment types: ${choices.map((c) => `${c.nameEn} (${c.nameJa})`).join(", ")}`,
    role: "Use staff, hr or admin.",
    birthYear: (min: number, max: number) => `Enter a four-digit year from ${min} to ${max}.`,
    duplicateEmployeeNumber: (firstLine: number) => `This employee number is already used on line ${firstLine}.`,
    unknownSupervisor: (supervisorNumber: string) =>
      `Supervisor ${supervisorNumber} is neither in the file nor an active member of the roster.`,
    selfSupervisor: "A person cannot be their own supervisor.",
    roleChangeForbidden: "Only administrators can change roles or give the HR or administrator role.",
    protectedFromDeactivation: (employeeNumber: string, who: "self" | "admin") =>
      who === "self"
        ? `You (${employeeNumber}) are not in the file and would be deactivated. You cannot deactivate yourself: add yourself to the file.`
        : `The administrator ${employeeNumber} is not in the file and would be deactivated. Only administrators can deactivate an administrator: add them to the file or ask an administrator.`,
    ownRole: "An import cannot change your own role.",
    lastAdmin: "This import would leave no active administrator.",
  },
  issueLine: (line: number | null, column: string | null, message: string) => {
    const place = [line === null ? null : `line ${line}`, column === null ? null : `column ${column}`].filter(Boolean);
    return place.length > 0 ? `${place.join(", ")}: ${message}` : message;
  },
  cliSummary: (added: number, changed: number, deactivated: number, unchanged: number) =>
    `Roster imported: ${added} added, ${changed} changed, ${deactivated} deactivated, ${unchanged} unchanged.`,
  cliFileUnreadable: (path: string) => `Cannot read the file ${path}.`,
  /** Paging and searching lists of people (the roster, choosing a recipient). */
  search: "Search",
  yes: "Yes",
  no: "No",
  previous: "Previous",
  next: "Next",
  page: (current: number, total: number) => `Page ${current} of ${total}`,
} satisfies Dictionary["roster"];
