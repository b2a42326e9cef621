import { MIN_PASSWORD_LENGTH } from "~/domain/password-policy";
import { makeAdmin } from "~/models/auth.server";
import type { Command } from "./command";
import { withEmployee } from "./employee-option";

export const createAdminCommand: Command = {
  usage: "--employee EMPLOYEE_NUMBER   (the password is read from standard input)",
  run: (context) =>
    withEmployee(context, async (employeeNumber) => {
      const { t } = context;
      context.stderr(`${t.cli.enterPassword(MIN_PASSWORD_LENGTH)}\n`);
      const password = await context.readStdin();
      if (password.length < MIN_PASSWORD_LENGTH) {
        context.stderr(`${t.cli.passwordTooShort(MIN_PASSWORD_LENGTH)}\n`);
        return 1;
      }
      await makeAdmin(context.db, employeeNumber, password);
      context.stdout(`${t.cli.adminCreated(employeeNumber)}\n`);
      return 0;
    }),
};
