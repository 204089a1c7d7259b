// Shared by the PostgreSQL adapter tests: a counter domain, a throwaway schema per test file, child processes.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { z } from "zod";
import { createEventCatalog, type Decider, defineEvent, type EventOf } from "../../../src/index.ts";
import { migratePostgres } from "../../../src/postgres.ts";
import { DATABASE_URL } from "../../support/services.ts";

export const CounterOpened = defineEvent("CounterOpened", z.strictObject({ name: z.string() }));
export const Incremented = defineEvent(
  "Incremented",
  z.strictObject({
    by: z.number().int(),
    writer: z.number().int().optional(),
    extra: z.record(z.string(), z.json()).optional(),
  }),
);
export const counterCatalog = createEventCatalog([CounterOpened, Incremented]);
export type CounterEvent = EventOf<typeof CounterOpened> | EventOf<typeof Incremented>;

export type CounterCommand = { type: "Open"; name: string } | { type: "Add"; by: number };
export const counterCommands = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("Open"), name: z.string() }),
  z.strictObject({ type: z.literal("Add"), by: z.number().int() }),
]);
export interface CounterState {
  readonly total: number;
  readonly events: number;
}
export const counterDecider = (version?: string): Decider<CounterCommand, CounterEvent, CounterState> => ({
  name: "counter",
  ...(version === undefined ? {} : { version }),
  initialState: () => ({ total: 0, events: 0 }),
  evolve: (s, e) => ({ total: s.total + (e.type === "Incremented" ? e.data.by : 0), events: s.events + 1 }),
  decide: (c) =>
    c.type === "Open" ? { type: "CounterOpened", data: { name: c.name } } : { type: "Incremented", data: { by: c.by } },
});

export const inc = (by: number, extra: { eventId?: string } = {}) => ({
  type: "Incremented" as const,
  data: { by },
  ...extra,
});

/** A random schema name, so test files running in parallel never share tables. */
export const randomSchema = (label: string) => `salesfold_test_${label}_${Math.random().toString(36).slice(2, 10)}`;

/** A pool and a fresh, migrated schema; `drop()` removes the schema and ends the pool. */
export async function freshSchema(label: string, max = 10) {
  const schema = randomSchema(label);
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max });
  await migratePostgres(pool, { schema });
  return {
    schema,
    pool,
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

/** Collects an async iterable. */
export async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

const root = resolve(import.meta.dirname, "../../..");

/** A child process running one of ./children/*.ts with `node --import tsx`, with line-wise stdout. */
export function child(script: string, args: string[]) {
  const proc = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "children", script), ...args], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL },
  });
  const lines: string[] = [];
  const waiting: { prefix: string; resolve: (l: string) => void }[] = [];
  let stderr = "";
  proc.stderr!.on("data", (d) => {
    stderr += String(d);
  });
  createInterface({ input: proc.stdout! }).on("line", (line) => {
    lines.push(line);
    for (let i = waiting.length - 1; i >= 0; i--) {
      if (line.startsWith(waiting[i]!.prefix)) waiting.splice(i, 1)[0]!.resolve(line);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.once("exit", (code, signal) => r({ code, signal })),
  );
  return {
    proc,
    lines,
    get stderr() {
      return stderr;
    },
    exited,
    /** Resolves with the first line (seen or to come) that starts with `prefix`; rejects if the child exits first. */
    line(prefix: string): Promise<string> {
      const seen = lines.find((l) => l.startsWith(prefix));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        waiting.push({ prefix, resolve });
        exited.then(({ code, signal }) =>
          reject(new Error(`child ${script} exited (${code ?? signal}) before "${prefix}": ${stderr}`)),
        );
      });
    },
  };
}
