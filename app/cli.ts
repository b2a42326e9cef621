import { migrateToLatest } from "#db/migrate";
import { backupCommand } from "./commands/backup";
import { type Command, type CommandContext, UsageError } from "./commands/command";
import { createAdminCommand } from "./commands/create-admin";
import { crosstabCommand } from "./commands/crosstab";
import { importRosterCommand } from "./commands/import-roster";
import { issueSetupCodeCommand } from "./commands/issue-setup-code";
import { createSurveyCommand, importResponsesCommand, kpiCommand, setSurveyStatusCommand } from "./commands/surveys";
import { type Locale, dictionaryFor } from "./i18n";
import { getDb } from "./utils/db.server";

const commands: Record<string, Command> = {
  "create-admin": createAdminCommand,
  "issue-setup-code": issueSetupCodeCommand,
  "create-survey": createSurveyCommand,
  "set-survey-status": setSurveyStatusCommand,
  "import-responses": importResponsesCommand,
  kpi: kpiCommand,
  crosstab: crosstabCommand,
  "import-roster": importRosterCommand,
  backup: backupCommand,
};

/** Operators choose the CLI's language with YELL_LANG=en (or an English LANG); Japanese otherwise. */
function cliLocale(): Locale {
  const setting = process.env.YELL_LANG ?? process.env.LANG ?? "";
  return setting.toLowerCase().startsWith("en") ? "en" : "ja";
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write("> ");
    for await (const line of process.stdin) return String(line).replace(/\r?\n$/, "");
    return "";
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function printHelp(write: (text: string) => void) {
  write("Usage: npm run cli -- <command> [options]\n\nCommands:\n");
  for (const [name, command] of Object.entries(commands)) write(`  ${name} ${command.usage}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    printHelp((s) => process.stdout.write(s));
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command: ${name}\n`);
    printHelp((s) => process.stderr.write(s));
    return 2;
  }
  const db = getDb();
  try {
    await migrateToLatest(db);
    const locale = cliLocale();
    const context: CommandContext = {
      db,
      args,
      locale,
      t: dictionaryFor(locale),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      readStdin,
      // "\r" and "erase line": the display stays on one line and never reaches a redirected log.
      progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\x1b[2K${line}`) : undefined,
    };
    return await command.run(context);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nUsage: npm run cli -- ${name} ${command.usage}\n`);
      return 2;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
