import { formatDateTime } from "~/domain/dates";
import { normaliseEmployeeNumber } from "~/domain/identity";
import { cliActor } from "~/models/audit.server";
import { UnknownEmployeeError, issueSetupCode } from "~/models/auth.server";
import { getEnv } from "~/utils/env.server";
import { type Command, UsageError, parseOptions } from "./command";

export const issueSetupCodeCommand: Command = {
  usage: "--employee EMPLOYEE_NUMBER",
  async run({ db, args, locale, t, stdout, stderr }) {
    const options = parseOptions(args, { employee: { type: "string" } });
    if (!options.employee) throw new UsageError("--employee is required");
    const employeeNumber = normaliseEmployeeNumber(options.employee);
    try {
      const issued = await issueSetupCode(db, employeeNumber, cliActor, getEnv().SETUP_CODE_VALID_HOURS);
      stdout(`${t.cli.setupCodeIssued(issued.staffName, issued.code, formatDateTime(issued.expiresAt, locale))}\n`);
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
