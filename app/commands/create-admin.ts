import { normaliseEmployeeNumber } from "~/domain/identity";
import { MIN_PASSWORD_LENGTH } from "~/domain/password-policy";
import { UnknownEmployeeError, makeAdmin } from "~/models/auth.server";
import { type Command, UsageError, parseOptions } from "./command";

export const createAdminCommand: Command = {
  usage: "--employee EMPLOYEE_NUMBER   (the password is read from standard input)",
  async run({ db, args, t, stdout, stderr, readStdin }) {
    const options = parseOptions(args, { employee: { type: "string" } });
    if (!options.employee) throw new UsageError("--employee is required");
    const employeeNumber = normaliseEmployeeNumber(options.employee);
    stderr(`${t.cli.enterPassword(MIN_PASSWORD_LENGTH)}\n`);
    const password = await readStdin();
    if (password.length < MIN_PASSWORD_LENGTH) {
      stderr(`${t.cli.passwordTooShort(MIN_PASSWORD_LENGTH)}\n`);
      return 1;
    }
    try {
      await makeAdmin(db, employeeNumber, password);
      stdout(`${t.cli.adminCreated(employeeNumber)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof UnknownEmployeeError) {
        stderr(`${t.cli.unknownEmployee(employeeNumber)}\n`);
        return 1;
      }
      throw error;
    }
  },
};
