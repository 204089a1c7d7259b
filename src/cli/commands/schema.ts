import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { salesJsonSchemas } from "../../sales/index.ts";
import { parseCommandArgs } from "../args.ts";
import { CliError, EXIT } from "../errors.ts";
import { SCHEMA_HELP } from "../help.ts";
import type { CliIo } from "../io.ts";

const listJson = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
};

/** `salesfold schema [--out DIR] [--check]`: writes (or checks) the JSON Schema catalogue. */
export async function schemaCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("schema", argv, {
    out: { type: "string" },
    check: { type: "boolean" },
  });
  if (values.help) {
    io.out(`${SCHEMA_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0) {
    throw new CliError(`schema takes no arguments, got ${positionals.join(" ")}`, { hint: "use --out DIR" });
  }
  const out = resolve(io.cwd, typeof values.out === "string" ? values.out : "docs/schema");
  const shown = relative(io.cwd, out) || ".";
  const files = salesJsonSchemas();
  const stale = ["events", "commands"].flatMap((sub) =>
    listJson(join(out, sub))
      .map((f) => `${sub}/${f}`)
      .filter((f) => !(f in files)),
  );
  if (values.check) {
    const differing = Object.entries(files)
      .filter(([file, text]) => {
        try {
          return readFileSync(join(out, file), "utf8") !== text;
        } catch {
          return true;
        }
      })
      .map(([file]) => file);
    const drift = [...differing, ...stale];
    if (drift.length > 0) {
      io.out(drift.map((f) => `differs: ${shown}/${f}\n`).join(""));
      io.err(`${shown} is out of date (${drift.length} files)\n  hint: run salesfold schema --out ${shown}\n`);
      return EXIT.invalidData;
    }
    io.out(`${shown} is up to date (${Object.keys(files).length} files)\n`);
    return EXIT.ok;
  }
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(out, file)), { recursive: true });
      writeFileSync(join(out, file), text);
    }
    for (const f of stale) rmSync(join(out, f));
  } catch (error) {
    throw new CliError(`cannot write ${shown}: ${(error as Error).message}`, {
      hint: "check that the folder is writable",
      exitCode: EXIT.environment,
      cause: error,
    });
  }
  const events = Object.keys(files).filter((f) => f.startsWith("events/")).length;
  const commands = Object.keys(files).filter((f) => f.startsWith("commands/")).length;
  io.out(
    `wrote ${events} event schemas, ${commands} command schemas and index.json to ${shown}` +
      (stale.length > 0 ? `; removed ${stale.length} stale` : "") +
      "\n",
  );
  return EXIT.ok;
}
