import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Dictionary, Locale } from "~/i18n";

/** What a CLI command gets: the migrated database, its arguments, the operator's language and the streams. */
export interface CommandContext {
  db: Kysely<Database>;
  args: string[];
  locale: Locale;
  t: Dictionary;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Rewrites a one-line progress display; present only when standard error is a terminal. */
  progress?: (line: string) => void;
}

export interface Command {
  usage: string;
  /** Resolves to the process exit code. */
  run: (context: CommandContext) => Promise<number>;
}

/** Thrown for bad arguments; the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

/** Strict option parsing shared by the commands: unknown options are usage errors, not silently ignored. */
export function parseOptions<T extends NonNullable<Parameters<typeof parseArgs>[0]>["options"]>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * An input file read whole, or null after saying why not (unreadable, or larger than maxBytes, which
 * is checked before reading so a huge file cannot exhaust memory).
 */
export async function readInputFile({ t, stderr }: Pick<CommandContext, "t" | "stderr">, file: string, maxBytes: number): Promise<Buffer | null> {
  try {
    if ((await stat(file)).size > maxBytes) {
      stderr(`${t.validation.fileTooLarge(Math.floor(maxBytes / (1024 * 1024)))}\n`);
      return null;
    }
    return await readFile(file);
  } catch {
    stderr(`${t.roster.cliFileUnreadable(file)}\n`);
    return null;
  }
}
