import { existsSync } from "node:fs";
import { defineCalendar, isPeriodKind, type Period, periodById, rebuildProjection } from "../../index.ts";
import { projectionOf, type SalesProjectionEntry, salesEvents, salesProjections, tabulate } from "../../sales/index.ts";
import { onePositional, parseCommandArgs, tenantOption } from "../args.ts";
import { CliError, EXIT } from "../errors.ts";
import { REPORT_HELP } from "../help.ts";
import type { CliIo } from "../io.ts";
import { FORMATS, type Format, renderCsv, renderTable } from "../render.ts";
import { DEFAULT_SQLITE, openStore, parseStoreSpec } from "../stores.ts";

const registry = salesProjections as Readonly<Record<string, SalesProjectionEntry>>;

/** The list of report names for --help; `*` marks those that take --period. */
export function projectionList(): string {
  return Object.entries(registry)
    .map(([name, e]) => `  ${`${name}${e.periods ? " *" : ""}`.padEnd(28)}${e.summary}`)
    .join("\n");
}

/** `salesfold report NAME`: rebuilds a built-in projection from a store and prints it. */
export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("report", argv, {
    store: { type: "string" },
    tenant: { type: "string" },
    period: { type: "string" },
    format: { type: "string" },
    tz: { type: "string" },
    bucket: { type: "string" },
  });
  if (values.help) {
    io.out(`${REPORT_HELP.replace("{{projections}}", projectionList())}\n`);
    return EXIT.ok;
  }
  const name = onePositional("report", positionals, "a projection name");
  const tenant = tenantOption("report", values.tenant);
  const entry = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!entry) {
    throw new CliError(`unknown projection ${JSON.stringify(name)}`, {
      hint: `one of: ${Object.keys(registry).join(", ")}`,
    });
  }
  const format = (typeof values.format === "string" ? values.format : "table") as Format;
  if (!FORMATS.includes(format)) {
    throw new CliError(`unknown format ${JSON.stringify(values.format)}`, { hint: "use --format table, json or csv" });
  }
  let calendar: ReturnType<typeof defineCalendar>;
  try {
    calendar = defineCalendar({ timeZone: typeof values.tz === "string" ? values.tz : "UTC" });
  } catch {
    throw new CliError(`unknown time zone ${JSON.stringify(values.tz)}`, {
      hint: "use an IANA name such as Asia/Shanghai",
    });
  }
  const bucket = typeof values.bucket === "string" ? values.bucket : "month";
  if (!isPeriodKind(bucket) || bucket.startsWith("fiscal")) {
    throw new CliError(`unknown bucket ${JSON.stringify(bucket)}`, {
      hint: "use --bucket day, week, month, quarter or year",
    });
  }
  let period: Period | undefined;
  if (typeof values.period === "string") {
    if (!entry.periods) {
      const which = Object.entries(registry)
        .filter(([, e]) => e.periods)
        .map(([k]) => k);
      throw new CliError(`${name} does not take --period`, { hint: `--period works with ${which.join(", ")}` });
    }
    try {
      period = periodById(calendar, values.period);
    } catch {
      throw new CliError(`unknown period ${JSON.stringify(values.period)}`, {
        hint: "use an id such as 2026-Q3, 2026-07, 2026-W27 or 2026",
      });
    }
  }
  const storeValue = typeof values.store === "string" ? values.store : `sqlite:${DEFAULT_SQLITE}`;
  const spec = parseStoreSpec(storeValue, io.cwd);
  if (spec.kind === "sqlite" && !existsSync(spec.path)) {
    throw new CliError(`no store at ${spec.path}`, {
      hint: values.store === undefined ? "run salesfold demo first, or pass --store" : "check the path",
      exitCode: EXIT.environment,
    });
  }
  const tenantId = tenant ?? (values.store === undefined ? "demo" : undefined);
  // A report only reads: a SQLite file without salesfold's tables is refused, never given them.
  const { store } = await openStore(spec, salesEvents, {
    cwd: io.cwd,
    existingOnly: true,
    ...(tenantId === undefined ? {} : { tenantId }),
  });
  try {
    const projection = projectionOf(entry, { calendar, kind: bucket });
    const { state, position } = await rebuildProjection(store, projection);
    const context = { calendar, bucket, ...(period ? { period } : {}) };
    if (format === "json") {
      const body = entry.view ? { sections: entry.view(state, context) } : { state };
      io.out(
        `${JSON.stringify({ report: name, position, ...(period ? { period: period.id } : {}), ...body }, null, 2)}\n`,
      );
      return EXIT.ok;
    }
    const sections = entry.view ? entry.view(state, context) : tabulate(state);
    if (format === "csv") io.out(renderCsv(sections));
    else io.out(`${name} at position ${position}${period ? `, period ${period.id}` : ""}\n\n${renderTable(sections)}`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
