import path from "node:path";
import { BackupTargetExistsError, backupDatabase } from "#db/backup";
import { type Command, UsageError, parseOptions } from "./command";

export const backupCommand: Command = {
  usage: "--to FILE",
  async run({ db, args, t, stdout, stderr }) {
    const options = parseOptions(args, { to: { type: "string" } });
    if (!options.to) throw new UsageError("--to is required");
    const target = path.resolve(options.to);
    try {
      await backupDatabase(db, target);
    } catch (error) {
      if (error instanceof BackupTargetExistsError) {
        stderr(`${t.cli.backupTargetExists(target)}\n`);
        return 1;
      }
      throw error;
    }
    stdout(`${t.cli.backupWritten(target)}\n`);
    return 0;
  },
};
