import { type ParseArgsConfig, parseArgs } from "node:util";
import { tenantIdSchema } from "../index.ts";
import { CliError } from "./errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every command takes. */
export const COMMON: Options = {
  help: { type: "boolean", short: "h" },
  debug: { type: "boolean" },
};

/** Parses a command's arguments strictly: an unknown option or a missing value is a usage error with a hint. */
export function parseCommandArgs(command: string, argv: readonly string[], options: Options) {
  try {
    return parseArgs({ args: [...argv], options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, "").split("\n")[0]!;
    throw new CliError(message.replace(/^Unknown option/, "unknown option").replace(/^Option/, "option"), {
      hint: `see salesfold ${command} --help`,
    });
  }
}

/** Returns a single positional argument, or a usage error naming it. */
export function onePositional(command: string, positionals: readonly string[], name: string): string {
  if (positionals.length === 0)
    throw new CliError(`${command} needs ${name}`, { hint: `see salesfold ${command} --help` });
  if (positionals.length > 1) {
    throw new CliError(
      `${command} takes a single argument (${name}), got ${positionals.length}: ${positionals.join(" ")}`,
      {
        hint: `see salesfold ${command} --help`,
      },
    );
  }
  return positionals[0]!;
}

/**
 * Checks a `--tenant` value against the tenant id rules before anything is opened, created or deleted: an invalid
 * one (the empty string included) is a usage error naming the option. Returns the id, or `undefined` when absent.
 */
export function tenantOption(command: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const parsed = tenantIdSchema.safeParse(value);
  if (!parsed.success) {
    throw new CliError(`--tenant ${JSON.stringify(value)} is not a valid tenant id`, {
      hint: `a tenant id is 1-64 letters, digits, '_' or '-', starting with a letter or digit; see salesfold ${command} --help`,
    });
  }
  return parsed.data;
}
