import { normaliseEmployeeNumber } from "~/domain/identity";
import { UnknownEmployeeError } from "~/models/auth.server";
import { type CommandContext, UsageError, parseOptions } from "./command";

/**
 * For commands about one roster member (--employee E): runs the work with the normalised number,
 * and answers a number that is not in the roster with a message and exit code 1.
 */
export async function withEmployee(context: CommandContext, work: (employeeNumber: string) => Promise<number>): Promise<number> {
  const options = parseOptions(context.args, { employee: { type: "string" } });
  if (!options.employee) throw new UsageError("--employee is required");
  const employeeNumber = normaliseEmployeeNumber(options.employee);
  try {
    return await work(employeeNumber);
  } catch (error) {
    if (!(error instanceof UnknownEmployeeError)) throw error;
    context.stderr(`${context.t.cli.unknownEmployee(employeeNumber)}\n`);
    return 1;
  }
}
