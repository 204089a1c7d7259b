// The `salesfold` executable. Everything is in run.ts, so tests can run the CLI in-process.
import { processIo } from "./io.ts";
import { run } from "./run.ts";

void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
