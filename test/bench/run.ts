// `npm run bench`: salesfold's benchmarks and the anchors they are judged against, in one run, on one machine.
// Prints exactly one JSON line on stdout; progress goes to stderr.
//
//   npm run bench                      everything
//   npm run bench -- --skip-anchors    salesfold only (ratios are then omitted)
//   npm run bench -- --pg-rounds=7     alternate the PostgreSQL store, Emmett's and the raw inserts seven times (5 by default)
//   npm run bench -- --sqlite-rounds=7 alternate the SQLite store and the raw inserts seven times (5 by default)
//
// Anchors come from ../shared/anchors (or SALESFOLD_ANCHORS): each is copied to .bench-cache/ and installed once.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = new Set(process.argv.slice(2));
// --pg-rounds=N: how many alternating rounds of the PostgreSQL store, Emmett's and the raw pg inserts (5 by default).
const pgRounds = Math.max(1, Number(process.argv.find((a) => a.startsWith("--pg-rounds="))?.slice(12) ?? 5));
// --sqlite-rounds=N: how many alternating rounds of the SQLite store and the raw better-sqlite3 inserts (5 by default).
const sqliteRounds = Math.max(1, Number(process.argv.find((a) => a.startsWith("--sqlite-rounds="))?.slice(16) ?? 5));
const log = (...m: unknown[]) => console.error("[bench]", ...m);
const cache = join(root, ".bench-cache");

type Json = Record<string, any>;

function lastJsonLine(out: string): Json {
  const line = out
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (!line) throw new Error(`no JSON line in output:\n${out.slice(-2000)}`);
  return JSON.parse(line);
}

function runNode(script: string, cwd: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Json {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", script, ...extra], {
    cwd,
    // Our phases run against dist/ (see test/bench/tsconfig.json); anchors use their own set-up.
    env: {
      ...process.env,
      ...(cwd === root ? { TSX_TSCONFIG_PATH: join(root, "test/bench/tsconfig.json") } : {}),
      ...env,
    },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) throw new Error(`${script} exited with ${r.status}`);
  return lastJsonLine(r.stdout);
}

function anchorsDir(): string | undefined {
  const candidates = [process.env.SALESFOLD_ANCHORS, join(root, "../shared/anchors")].filter(Boolean) as string[];
  return candidates.find((d) => existsSync(join(d, "emmett-bench")));
}

function prepareAnchor(name: string): string | undefined {
  const from = anchorsDir();
  if (!from) return undefined;
  const dir = join(cache, name);
  if (!existsSync(join(dir, "node_modules"))) {
    log(`installing the ${name} anchor in ${dir} (once)…`);
    mkdirSync(cache, { recursive: true });
    cpSync(join(from, name), dir, { recursive: true, filter: (p) => !p.includes("node_modules") });
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: dir,
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
  return dir;
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    log(String(error));
    return undefined;
  }
}

/**
 * The median of several runs of one phase, field by field: every number becomes the median of that field over the
 * runs (arrays are matched by index), and `rounds` keeps each run's figures.
 */
function medianOf(runs: Json[]): Json {
  const merge = (values: unknown[]): unknown => {
    const first = values[0];
    if (typeof first === "number") {
      const sorted = (values as number[]).slice().sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)];
    }
    if (Array.isArray(first)) return first.map((_, i) => merge(values.map((v) => (v as unknown[])[i])));
    if (typeof first === "object" && first !== null) {
      const out: Json = {};
      for (const key of Object.keys(first)) out[key] = merge(values.map((v) => (v as Json)[key]));
      return out;
    }
    return first;
  };
  return { ...(merge(runs) as Json), rounds: runs };
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : Math.round((a / b) * 100) / 100;
}

const result: Json = {
  bench: "salesfold",
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
};

log("salesfold: in-memory append and aggregate (200,000 events over 2,000 streams)…");
const store = runNode("test/bench/phases/inMemoryStore.ts", root);
log("floor: generator + zod + a minimal frozen store, for scale…");
const floor = runNode("test/bench/phases/appendFloor.ts", root);
log("salesfold: projection rebuild over 1,000,000 events…");
const rebuild = runNode("test/bench/phases/rebuild.ts", root);
result.salesfold = { inMemory: store, rebuild };

for (const phase of ["domain", "incentives", "privacy"] as const) {
  if (args.has(`--skip-${phase}`) || !existsSync(join(root, `test/bench/phases/${phase}.ts`))) continue;
  try {
    log(`salesfold: ${phase}…`);
    result.salesfold[phase] = runNode(`test/bench/phases/${phase}.ts`, root, [], {
      NODE_OPTIONS: "--max-old-space-size=4096",
    });
  } catch (error) {
    result.salesfold[phase] = { error: String(error) };
  }
}

// Durable stores, each against the same local services as the anchors below.
const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const pgUrl = new URL(DATABASE_URL);
const pgEnv = {
  DATABASE_URL,
  PG_CONNECTION_STRING: DATABASE_URL,
  PGHOST: pgUrl.hostname,
  PGPORT: pgUrl.port || "5432",
  PGUSER: decodeURIComponent(pgUrl.username) || "postgres",
  PGDATABASE: pgUrl.pathname.slice(1) || "test",
};
// SQLite: disk-bound figures drift with whatever else writes to the disk (a PostgreSQL checkpoint, another process),
// so the store and the raw better-sqlite3 inserts of the limits anchor run in alternation, round after round, and
// each figure is the median of its rounds.
const limitsDir = args.has("--skip-anchors") ? undefined : safely(() => prepareAnchor("limits"));
let sqliteRaw: Json | undefined;
if (!args.has("--skip-sqlite")) {
  const ours: Json[] = [];
  const raw: Json[] = [];
  for (let round = 1; round <= sqliteRounds; round++) {
    try {
      log(`salesfold: sqlite store, round ${round} of ${sqliteRounds}…`);
      ours.push(runNode("test/bench/phases/sqlite.ts", root, [], pgEnv));
      if (limitsDir) {
        log(`anchor: raw better-sqlite3 inserts, round ${round} of ${sqliteRounds}…`);
        raw.push(runNode("limits.ts", limitsDir, ["--only=sqlite"], pgEnv).figures);
      }
    } catch (error) {
      result.salesfold.sqlite = { error: String(error) };
      break;
    }
  }
  if (ours.length === sqliteRounds) result.salesfold.sqlite = medianOf(ours);
  if (raw.length === sqliteRounds) sqliteRaw = medianOf(raw);
}
if (!args.has("--skip-nats") && existsSync(join(root, "test/bench/phases/nats.ts"))) {
  try {
    log("salesfold: nats store…");
    result.salesfold.nats = runNode("test/bench/phases/nats.ts", root, [], pgEnv);
  } catch (error) {
    result.salesfold.nats = { error: String(error) };
  }
}
result.appendFloor = floor;

let emmett: Json | undefined;
let limits: Json | undefined;
const emmettDir = args.has("--skip-anchors") ? undefined : safely(() => prepareAnchor("emmett-bench"));
if (emmettDir) {
  try {
    log("anchor: Emmett in-memory, same workload…");
    emmett = runNode("bench.ts", emmettDir, ["--only=memory"], pgEnv);
  } catch (error) {
    result.emmettError = String(error);
  }
}
// PostgreSQL: fsync-bound figures drift by 2× over minutes on a shared machine, so the store, Emmett's PostgreSQL
// store and the raw pg inserts of the limits anchor run in alternation, round after round, and each figure is the
// median of its rounds.
let pgRaw: Json | undefined;
if (!args.has("--skip-postgres")) {
  const ours: Json[] = [];
  const theirs: Json[] = [];
  const raw: Json[] = [];
  for (let round = 1; round <= pgRounds; round++) {
    try {
      log(`salesfold: postgres store, round ${round} of ${pgRounds}…`);
      ours.push(runNode("test/bench/phases/postgres.ts", root, [], pgEnv));
      if (emmettDir) {
        log(`anchor: Emmett PostgreSQL, round ${round} of ${pgRounds}…`);
        theirs.push(runNode("bench.ts", emmettDir, ["--only=postgres"], pgEnv));
      }
      if (limitsDir) {
        log(`anchor: raw pg inserts, round ${round} of ${pgRounds}…`);
        raw.push(runNode("limits.ts", limitsDir, ["--only=pg"], pgEnv).figures);
      }
    } catch (error) {
      result.salesfold.postgres = { error: String(error) };
      break;
    }
  }
  if (ours.length === pgRounds) result.salesfold.postgres = medianOf(ours);
  if (emmett && theirs.length === pgRounds) emmett.postgres = medianOf(theirs.map((t) => t.postgres));
  if (raw.length === pgRounds) pgRaw = medianOf(raw);
}
if (!args.has("--skip-anchors")) {
  try {
    if (limitsDir) {
      log("anchor: this machine's raw limits (fold, immer, memory)…");
      // The SQLite and PostgreSQL limits ran above, in alternation with the stores.
      const phases = ["fold", "immer", "memory"];
      limits = runNode("limits.ts", limitsDir, [`--only=${phases.join(",")}`], pgEnv);
    }
  } catch (error) {
    result.limitsError = String(error);
  }
}
result.anchors = {
  emmett: emmett && { version: emmett.emmett, memory: emmett.memory, postgres: emmett.postgres },
  limits:
    limits === undefined && sqliteRaw === undefined && pgRaw === undefined
      ? undefined
      : {
          ...limits?.figures,
          ...(sqliteRaw === undefined ? {} : { ...sqliteRaw, rounds: undefined }),
          ...(pgRaw === undefined ? {} : { ...pgRaw, rounds: undefined }),
        },
  sqliteRawRounds: sqliteRaw?.rounds,
  pgRawRounds: pgRaw?.rounds,
};

const em = emmett?.memory;
const appendRatio = ratio(store.append.eventsPerSec, em?.append?.eventsPerSec);
const aggregateRatio = ratio(store.aggregate.eventsPerSec, em?.aggregate?.eventsPerSec);
result.targets = {
  appendVsEmmett: {
    target: ">= 15",
    actual: appendRatio,
    met: appendRatio === undefined ? null : appendRatio >= 15,
    floorVsEmmett: ratio(floor.eventsPerSec, em?.append?.eventsPerSec),
    vsFloor: ratio(store.append.eventsPerSec, floor.eventsPerSec),
  },
  aggregateVsEmmett: {
    target: ">= 2",
    actual: aggregateRatio,
    met: aggregateRatio === undefined ? null : aggregateRatio >= 2,
  },
  rebuildEventsPerSec: {
    target: ">= 1500000",
    actual: rebuild.rebuild.eventsPerSec,
    met: rebuild.rebuild.eventsPerSec >= 1_500_000,
  },
  heapBytesPerStoredEvent: {
    target: "<= 600",
    actual: store.heapBytesPerStoredEvent,
    met: store.heapBytesPerStoredEvent <= 600,
  },
};
// Durable-store targets: ratios to the raw drivers (limits anchor) and to Emmett's PostgreSQL store, same run.
const lim = result.anchors.limits ?? {};
const sq = result.salesfold.sqlite ?? {};
const pg = result.salesfold.postgres ?? {};
const emPg = emmett?.postgres?.runs as { concurrency: number; append: { eventsPerSec: number } }[] | undefined;
const emPg1 = emPg?.find((r) => r.concurrency === 1)?.append.eventsPerSec;
const emPg8 = emPg?.find((r) => r.concurrency === 8)?.append.eventsPerSec;
const target = (actual: number | undefined, min: number) => ({
  target: `>= ${min}`,
  actual,
  met: actual === undefined ? null : actual >= min,
});
Object.assign(result.targets, {
  sqliteTx1VsRaw: target(ratio(sq.append1?.eventsPerSec, lim.sqlite_insert_tx1), 0.7),
  sqliteBatch100VsRaw: target(ratio(sq.append100?.eventsPerSec, lim.sqlite_insert_batch100), 0.7),
  postgresTx1VsRawBeginCommit: target(ratio(pg.append1Writer?.eventsPerSec, lim.pg_insert_tx1_begin_commit), 0.7),
  postgresTx1VsEmmett: target(ratio(pg.append1Writer?.eventsPerSec, emPg1), 1.4),
  postgres8WritersVsEmmett: {
    ...target(ratio(pg.append8Writers?.eventsPerSec, emPg8), 2),
    // For scale: the same writers with group commit off (each append its own call and commit).
    withoutGroupCommit: ratio(pg.append8WritersWithoutGroupCommit?.eventsPerSec, emPg8),
  },
  postgresBatch100VsRaw: target(ratio(pg.appendBatch100?.eventsPerSec, lim.pg_insert_batch100), 0.5),
});
const dom = result.salesfold.domain?.rebuildAll;
if (dom) {
  Object.assign(result.targets, {
    domainRebuildEventsPerSec: target(dom.logEventsPerSec, 1_000_000),
    domainPeakRssMb: {
      target: "<= 600",
      actual: result.salesfold.domain.peakRssMb,
      met: result.salesfold.domain.peakRssMb <= 600,
    },
  });
}
const inc = result.salesfold.incentives;
if (inc?.ms !== undefined) {
  Object.assign(result.targets, {
    incentives200kCreditsMs: { target: "< 1000", actual: inc.ms, met: inc.ms < 1000 },
    incentivesScaling2x: { target: "about 2 (linear)", actual: inc.scaling, met: inc.scaling <= 2.3 },
  });
}
const foldRaw = result.anchors.limits?.fold_raw;
if (typeof foldRaw === "number") result.ratios = { rebuildVsRawFold: ratio(rebuild.rebuild.eventsPerSec, foldRaw) };
process.stdout.write(`${JSON.stringify(result)}\n`);
