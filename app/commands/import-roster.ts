import { decodeCsvBytes } from "~/domain/csv";
import { MAX_ROSTER_FILE_BYTES, localiseRosterIssues } from "~/domain/roster";
import { cliActor } from "~/models/audit.server";
import { applyRosterImport } from "~/models/roster.server";
import { type Command, UsageError, parseOptions, readInputFile } from "./command";

export const importRosterCommand: Command = {
  usage: "--file ROSTER.csv [--deactivate-missing]",
  async run({ db, args, t, stdout, stderr }) {
    const options = parseOptions(args, { file: { type: "string" }, "deactivate-missing": { type: "boolean" } });
    if (!options.file) throw new UsageError("--file is required");
    const bytes = await readInputFile({ t, stderr }, options.file, MAX_ROSTER_FILE_BYTES);
    if (!bytes) return 1;
    // Operators at the command line are trusted with roles, as they can already edit the database.
    const outcome = await applyRosterImport(
      db,
      decodeCsvBytes(bytes).text,
      { deactivateMissing: options["deactivate-missing"] ?? false, canChangeRoles: true, actingEmployeeNumber: null },
      cliActor,
    );
    if (!outcome.ok) {
      for (const issue of localiseRosterIssues(outcome.issues, t)) {
        stderr(`${t.roster.issueLine(issue.line, issue.column, issue.message)}\n`);
      }
      return 1;
    }
    const { added, changed, deactivated, unchanged } = outcome.summary;
    stdout(`${t.roster.cliSummary(added, changed, deactivated, unchanged)}\n`);
    return 0;
  },
};
