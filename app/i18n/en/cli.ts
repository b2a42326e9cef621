import type { Dictionary } from "../dictionary";

export const cli = {
  unknownEmployee: (employeeNumber: string) => `No active staff member has employee number ${employeeNumber}.`,
  setupCodeIssued: (name: string, code: string, expires: string) => `Setup code for ${name}: ${code} (expires ${expires})`,
  enterPassword: (min: number) => `Enter the new administrator's password (at least ${min} characters):`,
  passwordTooShort: (min: number) => `Passwords need at least ${min} characters.`,
  backupWritten: (file: string) => `Backup written to ${file}`,
  backupTargetExists: (file: string) => `${file} already exists and is never overwritten. Choose another file name.`,
  adminCreated: (employeeNumber: string) => `Employee ${employeeNumber} is now an administrator.`,
  progress: (read: number, checked: number, written: number) => `read ${read} rows / checked ${checked} / written ${written}`,
} satisfies Dictionary["cli"];
