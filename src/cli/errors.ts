import { isSalesfoldError, isValidationError } from "../index.ts";

/**
 * The CLI's exit codes (documented in docs/cli.md).
 * 0 success · 1 invalid data (bad lines, refused import, domain rule) · 2 usage (unknown command or option,
 * missing argument) · 3 environment (file missing, store unavailable, driver not installed) · 70 internal error.
 */
export const EXIT = Object.freeze({ ok: 0, invalidData: 1, usage: 2, environment: 3, internal: 70 });

/** An error the CLI explains in one line, with a hint and an exit code. */
export class CliError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CliError";
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.usage;
  }
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim();

/**
 * Formats an error for standard error: `salesfold: <message>` and `  hint: <hint>` — never a stack trace unless
 * `debug`. Returns the text and the exit code.
 */
export function describeError(error: unknown, debug: boolean): { text: string; exitCode: number } {
  let message: string;
  let hint: string | undefined;
  let exitCode: number = EXIT.internal;
  if (error instanceof CliError) {
    message = error.message;
    hint = error.hint;
    exitCode = error.exitCode;
  } else if (isValidationError(error)) {
    const first = error.issues[0];
    message = oneLine(error.message.split("\n")[0] ?? "invalid input");
    if (first && !message.includes(first.message)) message += `: ${first.message}`;
    hint = "check the values you passed; run with --debug for every issue";
    exitCode = EXIT.invalidData;
  } else if (isSalesfoldError(error)) {
    message = `${error.code}: ${oneLine(error.message)}`;
    hint = "run with --debug for details";
    exitCode = EXIT.invalidData;
  } else {
    const e = error as { code?: unknown; message?: unknown };
    const code = typeof e?.code === "string" ? e.code : undefined;
    message = oneLine(typeof e?.message === "string" ? e.message : String(error));
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR" || code === "ECONNREFUSED") {
      exitCode = EXIT.environment;
      hint = code === "ECONNREFUSED" ? "is the database running and the URL right?" : "check the path";
    } else {
      message = `internal error: ${message}`;
      hint = "this is a bug in salesfold: rerun with --debug and report the stack trace";
    }
  }
  let text = `salesfold: ${message}\n`;
  if (hint) text += `  hint: ${hint}\n`;
  if (debug && error instanceof Error && error.stack) {
    text += `${error.stack}\n`;
    if (isValidationError(error)) text += `${JSON.stringify(error.issues, null, 2)}\n`;
    if (error.cause instanceof Error && error.cause.stack) text += `caused by: ${error.cause.stack}\n`;
  }
  return { text, exitCode };
}
