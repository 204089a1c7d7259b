// Runs the CLI in-process with captured streams.
import { run } from "../../../src/cli/run.ts";

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `salesfold ...argv` in `cwd`, as if on a terminal when `tty`. */
export async function runCli(argv: readonly string[], options: { cwd?: string; tty?: boolean } = {}): Promise<CliRun> {
  let out = "";
  let err = "";
  let clock = 0;
  const code = await run(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    isTTY: options.tty ?? false,
    cwd: options.cwd ?? process.cwd(),
    // A clock that moves 1 ms per reading: rates and ETAs are defined, and the test never depends on wall time.
    now: () => ++clock,
  });
  return { code, out, err };
}
