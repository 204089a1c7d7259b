// What the CLI touches of the outside world, so tests can run it in-process and capture everything.

/** The CLI's streams, working directory and clock. */
export interface CliIo {
  /** Writes to standard output (results, reports). */
  readonly out: (text: string) => void;
  /** Writes to standard error (errors, progress, notes). */
  readonly err: (text: string) => void;
  /** Whether standard error is a terminal: the progress bar is drawn only then. */
  readonly isTTY: boolean;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** Milliseconds from a monotonic clock, for rates and ETAs. */
  readonly now: () => number;
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    now: () => performance.now(),
  };
}
