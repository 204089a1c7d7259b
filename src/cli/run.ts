import packageJson from "../../package.json" with { type: "json" };
import { importCommand } from "./commands/import.ts";
import { reportCommand } from "./commands/report.ts";
import { schemaCommand } from "./commands/schema.ts";
import { validateCommand } from "./commands/validate.ts";
import { demoCommand } from "./demo/demoCommand.ts";
import { CliError, describeError, EXIT } from "./errors.ts";
import { MAIN_HELP } from "./help.ts";
import type { CliIo } from "./io.ts";

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  demo: demoCommand,
  validate: validateCommand,
  import: importCommand,
  report: reportCommand,
  schema: schemaCommand,
};

const unknownCommand = (command: string) =>
  new CliError(`unknown command ${JSON.stringify(command)}`, {
    hint: `commands: ${Object.keys(COMMANDS).join(", ")}; see salesfold --help`,
  });

/**
 * Runs the CLI with arguments (without `node` and the script) and returns the exit code. Never throws: errors
 * are one line and a hint on standard error, with the stack only under --debug.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    // --debug is global: it may also come before the command (every command accepts it among its own options).
    let first = 0;
    while (argv[first] === "--debug") first++;
    const [command, ...rest] = argv.slice(first);
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      if (command === "help" && rest[0] !== undefined) {
        if (!Object.hasOwn(COMMANDS, rest[0])) throw unknownCommand(rest[0]);
        return await COMMANDS[rest[0]]!(["--help"], io);
      }
      io.out(`${MAIN_HELP}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === "--version" || command === "-v") {
      io.out(`${packageJson.version}\n`);
      return EXIT.ok;
    }
    const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler) throw unknownCommand(command);
    return await handler(rest, io);
  } catch (error) {
    const { text, exitCode } = describeError(error, debug);
    io.err(text);
    return exitCode;
  }
}
