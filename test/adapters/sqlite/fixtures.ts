// Shared by the SQLite adapter tests: a small counter domain, temp databases, and child processes.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { createEventCatalog, type Decider, defineEvent, type EventOf } from "../../../src/index.ts";

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

/**
 * The events of a salesfold SQLite database as logical rows, to select from: each row's tenant id and position
 * (the low 40 bits of `log_key`), and its content with a slim row's `occurred_at` and `metadata` restored.
 */
export const EVENT_LOG = `(SELECT t.tenant_id, e.log_key & 1099511627775 AS global_position, e.stream_id,
  e.stream_version, e.event_id, e.type, coalesce(e.occurred_at, e.recorded_at) AS occurred_at, e.recorded_at,
  coalesce(e.metadata, '{"schemaVersion":1}') AS metadata, e.data
  FROM salesfold_events AS e JOIN salesfold_tenants AS t ON t.tenant_key = e.tenant_key)`;
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

export const inc = (by: number, extra: Partial<{ eventId: string }> = {}) => ({
  type: "Incremented" as const,
  data: { by },
  ...extra,
});

/** A fresh temp directory; call the returned `cleanup` in afterAll. */
export function tempDir(): { readonly dir: string; readonly path: (name: string) => string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "salesfold-sqlite-test-"));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const root = resolve(import.meta.dirname, "../../..");

/** A child process running one of ./children/*.ts under tsx, with line-wise stdout. */
export function child(script: string, args: string[]) {
  const proc = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "children", script), ...args], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiting: { match: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += String(d)));
  createInterface({ input: proc.stdout! }).on("line", (line) => {
    lines.push(line);
    for (let i = waiting.length - 1; i >= 0; i--) {
      if (waiting[i]!.match(line)) waiting.splice(i, 1)[0]!.resolve(line);
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
      return Promise.race([
        new Promise<string>((resolve) => waiting.push({ match: (l) => l.startsWith(prefix), resolve })),
        exited.then(({ code, signal }) => {
          throw new Error(`${script} exited (${code ?? signal}) before printing ${prefix}: ${stderr.slice(-2000)}`);
        }),
      ]);
    },
  };
}

/** Everything an async iterable yields, in order. */
export async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

/** The error `fn` rejects with; fails when it does not reject. */
export const rejection = async (fn: () => unknown): Promise<unknown> => {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
};
