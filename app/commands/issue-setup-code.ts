import { formatDateTime } from "~/domain/dates";
import { cliIssuer, issueSetupCode } from "~/models/auth.server";
import { getEnv } from "~/utils/env.server";
import type { Command } from "./command";
import { withEmployee } from "./employee-option";

export const issueSetupCodeCommand: Command = {
  usage: "--employee EMPLOYEE_NUMBER",
  run: (context) =>
    withEmployee(context, async (employeeNumber) => {
      const issued = await issueSetupCode(context.db, employeeNumber, cliIssuer, getEnv().SETUP_CODE_VALID_HOURS);
      const expires = formatDateTime(issued.expiresAt, context.locale);
      context.stdout(`${context.t.cli.setupCodeIssued(issued.staffName, issued.code, expires)}\n`);
      return 0;
    }),
};
