import { resolve } from "node:path";
import { salesEvents } from "../../sales/index.ts";
import { onePositional, parseCommandArgs } from "../args.ts";
import { EXIT } from "../errors.ts";
import { VALIDATE_HELP } from "../help.ts";
import type { CliIo } from "../io.ts";
import { formatInvalidLine, scanFile } from "../scan.ts";

const n = (x: number) => x.toLocaleString("en-US");

/** `salesfold validate FILE`: reports every invalid line; writes nothing; exit 1 when any line is invalid. */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("validate", argv, {});
  if (values.help) {
    io.out(`${VALIDATE_HELP}\n`);
    return EXIT.ok;
  }
  const file = onePositional("validate", positionals, "a file");
  const result = await scanFile(io, salesEvents, resolve(io.cwd, file), (line, issues) =>
    io.out(formatInvalidLine(line, issues)),
  );
  const summary = `${file}: ${n(result.lines)} lines, ${n(result.events)} valid events, ${n(result.invalid)} invalid lines`;
  if (result.invalid > 0) {
    io.err(`${summary}\n  hint: fix the lines above; nothing was written\n`);
    return EXIT.invalidData;
  }
  io.out(`${summary} (${n(result.streams.size)} streams)\n`);
  return EXIT.ok;
}
