import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Command, CommandContext } from "~/commands/command";
import { type Locale, dictionaryFor } from "~/i18n";

/** Runs a CLI command against a test database and captures what it prints. */
export async function runCommand(command: Command, db: Kysely<Database>, args: string[], locale: Locale = "ja", stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const context: CommandContext = {
    db,
    args,
    locale,
    t: dictionaryFor(locale),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: () => Promise.resolve(stdin),
  };
  const exitCode = await command.run(context);
  return { exitCode, stdout: out.join(""), stderr: err.join("") };
}
