import { rmSync } from "node:fs";
import { salesEvents } from "../../sales/index.ts";
import { parseCommandArgs, tenantOption } from "../args.ts";
import { CliError, EXIT } from "../errors.ts";
import { DEMO_HELP } from "../help.ts";
import type { CliIo } from "../io.ts";
import {
  DEFAULT_SQLITE,
  type OpenedStore,
  openStore,
  parseStoreSpec,
  sqliteAvailable,
  type StoreSpec,
} from "../stores.ts";
import { runDemo } from "./runDemo.ts";

/** `salesfold demo [--store …]`: a realistic quarter, stored, then reported. */
export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("demo", argv, {
    store: { type: "string" },
    tenant: { type: "string" },
  });
  if (values.help) {
    io.out(`${DEMO_HELP}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw new CliError(`demo takes no arguments, got ${positionals.join(" ")}`, { hint: "see salesfold demo --help" });
  // Checked before the default file is deleted below: a refused tenant must leave the previous demo in place.
  const tenantId = tenantOption("demo", values.tenant) ?? "demo";
  let spec: StoreSpec;
  let note = "";
  const isDefault = typeof values.store !== "string";
  if (isDefault) {
    if (await sqliteAvailable()) {
      const file = parseStoreSpec(`sqlite:${DEFAULT_SQLITE}`, io.cwd) as Extract<StoreSpec, { kind: "sqlite" }>;
      // The default demo file is the demo's own: start each run from an empty quarter.
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file.path}${suffix}`, { force: true });
      spec = file;
    } else {
      spec = { kind: "memory" };
      note =
        "better-sqlite3 is not installed, so the demo ran in memory (npm install better-sqlite3 to keep a file).\n";
    }
  } else {
    spec = parseStoreSpec(values.store as string, io.cwd);
  }
  const opened: OpenedStore = await openStore(spec, salesEvents, { cwd: io.cwd, tenantId });
  try {
    const already = await opened.store.lastPosition();
    if (already > 0) {
      throw new CliError(`${opened.label} already holds ${already} events for tenant ${tenantId}`, {
        hint:
          spec.kind === "postgres"
            ? `pick a new tenant, e.g. --tenant ${tenantId}-2`
            : "pass a new file (the demo plays a fresh quarter), or run salesfold demo without --store",
        exitCode: EXIT.invalidData,
      });
    }
    const events = await runDemo(opened.store, io.out);
    io.out(note);
    io.out(`Stored ${events} events in ${opened.label} (tenant ${tenantId}).\n`);
    if (spec.kind !== "memory") {
      io.out(
        `Explore them: salesfold report pipeline --period 2026-Q4 --tz Asia/Shanghai` +
          // Without --store, report reads the demo file under tenant demo; with one, the store's default tenant.
          (isDefault
            ? tenantId === "demo"
              ? ""
              : ` --tenant ${tenantId}`
            : // A PostgreSQL URL is shown with its password masked, as in every message.
              ` --store ${spec.kind === "postgres" ? opened.label : values.store} --tenant ${tenantId}`) +
          "\n",
      );
    }
    if (spec.kind !== "postgres") {
      io.out("Rerun against PostgreSQL: salesfold demo --store postgres://USER:PASSWORD@localhost:5432/DATABASE\n");
    }
    return EXIT.ok;
  } finally {
    await opened.store.close();
  }
}
