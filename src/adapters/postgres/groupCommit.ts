import type pg from "pg";
import { run, type Statement } from "./connection.ts";

/**
 * @internal One append as `append_events` takes it: its twelve parameters, in order (tenant, stream, expectation
 * code, expected version, whether to look for stored ids, ids, types, type indexes, data, metadata, occurrence
 * times, recording time), and its number of events.
 */
export interface GroupedAppend {
  readonly streamId: string;
  readonly events: number;
  readonly values: readonly unknown[];
}

/** @internal How appends are grouped: at most `calls` calls at once, at most `maxEvents` events per group. */
export interface GroupCommitLimits {
  readonly calls: number;
  readonly maxEvents: number;
}

interface Pending extends GroupedAppend {
  readonly resolve: (answer: readonly string[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * @internal Group commit for a pool: at most `limits.calls` append calls run at once; the appends that arrive
 * meanwhile wait, and the next free call takes as many of them as it may (distinct streams, at most
 * `limits.maxEvents` events) to `append_group`, which stores them in one transaction and decides each on its own.
 * An append alone goes to `append_events`, as without grouping. Each append gets the answer `append_events` would
 * have given it. When the server rejects a group as a whole (say, two of its appends carry the same event id), the
 * transaction has rolled back, and each of its appends is sent again on its own, to meet its own fate.
 */
export function createGroupCommit(
  pool: pg.Pool,
  single: Statement,
  group: Statement,
  limits: GroupCommitLimits,
): (append: GroupedAppend) => Promise<readonly string[]> {
  let queue: Pending[] = [];
  let inFlight = 0;
  let deferred = false;

  const alone = async (p: GroupedAppend) => (await run<{ r: string[] }>(pool, single, p.values))[0]?.r ?? [];

  const take = (): Pending[] => {
    const chosen: Pending[] = [];
    const waiting: Pending[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (const p of queue) {
      const fits = chosen.length === 0 || (!streams.has(p.streamId) && events + p.events <= limits.maxEvents);
      if (fits) {
        chosen.push(p);
        streams.add(p.streamId);
        events += p.events;
      } else {
        waiting.push(p);
      }
    }
    queue = waiting;
    return chosen;
  };

  const send = async (chosen: readonly Pending[]): Promise<void> => {
    if (chosen.length === 1) {
      const p = chosen[0]!;
      await alone(p).then(p.resolve, p.reject);
      return;
    }
    let answer: string[];
    try {
      answer = (await run<{ r: string[] }>(pool, group, encodeGroup(chosen)))[0]?.r ?? [];
    } catch (error) {
      if (!fromServer(error)) {
        for (const p of chosen) p.reject(error);
        return;
      }
      await Promise.all(chosen.map((p) => alone(p).then(p.resolve, p.reject)));
      return;
    }
    for (const [i, p] of chosen.entries()) {
      const kind = answer[3 * i];
      if (kind === "0") p.resolve([kind, answer[3 * i + 1]!, answer[3 * i + 2]!]);
      else if (kind === "1") p.resolve([kind]);
      else if (kind === "2") p.resolve([kind, answer[3 * i + 1]!]);
      else p.resolve(answer.slice(3 * i, 3 * i + 3));
    }
  };

  const pump = (): void => {
    while (inFlight < limits.calls && queue.length > 0) {
      const chosen = take();
      inFlight++;
      void send(chosen)
        .catch((error: unknown) => {
          for (const p of chosen) p.reject(error);
        })
        .finally(() => {
          inFlight--;
          // Not now but once the callers whose appends just settled have run on and queued their next appends:
          // the next call then takes them all, rather than the first alone and the rest a call later.
          if (!deferred) {
            deferred = true;
            setImmediate(() => {
              deferred = false;
              pump();
            });
          }
        });
    }
  };

  return (append) =>
    new Promise<readonly string[]>((resolve, reject) => {
      queue.push({ ...append, resolve, reject });
      if (!deferred) pump();
    });
}

/**
 * An error the server raised (it carries a severity): the statement, and so the group's transaction, failed as a
 * whole and wrote nothing. Any other error (a lost connection) leaves the outcome unknown.
 */
function fromServer(error: unknown): boolean {
  return typeof error === "object" && error !== null && typeof (error as { severity?: unknown }).severity === "string";
}

/** The parameters of `append_group` for several appends, each given as its `append_events` parameters. */
function encodeGroup(appends: readonly GroupedAppend[]): unknown[] {
  const streams: string[] = [];
  const expect: unknown[] = [];
  const expected: unknown[] = [];
  const checkIds: unknown[] = [];
  const counts: number[] = [];
  const recorded: unknown[] = [];
  const ids: string[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  const types: string[] = [];
  const typeIndex: number[] = [];
  const occurred: string[] = [];
  let ownTimes = false;
  let mixed = false;
  for (const { events: n, values: v } of appends) {
    streams.push(v[1] as string);
    expect.push(v[2]);
    expected.push(v[3]);
    checkIds.push(v[4]);
    counts.push(n);
    ids.push(v[5] as string);
    data.push(v[8] as string);
    metadata.push(v[9] as string);
    recorded.push(v[11]);
    // This append's types, renumbered in the group's list.
    const local = (v[6] as readonly string[]).map((t) => {
      let at = types.indexOf(t);
      if (at < 0) at = types.push(t) - 1;
      return at + 1;
    });
    const lines = v[7] as string | null;
    if (lines === null) {
      for (let i = 0; i < n; i++) typeIndex.push(local[0]!);
    } else {
      for (const line of lines.split("\n")) typeIndex.push(local[Number(line) - 1]!);
    }
    const times = v[10] as string | null;
    if (times !== null) ownTimes = true;
    occurred.push(times ?? new Array<string>(n).fill("").join("\n"));
  }
  for (const t of typeIndex) if (t !== 1) mixed = true;
  return [
    appends[0]!.values[0],
    streams,
    expect,
    expected,
    checkIds,
    counts,
    ids.join("\n"),
    types,
    mixed ? typeIndex.join("\n") : null,
    data.join("\n"),
    metadata.join("\n"),
    ownTimes ? occurred.join("\n") : null,
    recorded,
  ];
}
