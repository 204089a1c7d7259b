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

/** @internal A group commit: takes one append's parameters, answers what `append_events` would have answered. */
export type GroupCommit = (append: GroupedAppend) => Promise<readonly string[]>;

interface Pending extends GroupedAppend {
  readonly resolve: (answer: readonly string[]) => void;
  readonly reject: (error: unknown) => void;
}

/** At most this many appends share a call: each takes a lock, and the server's lock table is shared by everyone. */
const MAX_APPENDS = 64;

/**
 * @internal Group commit for a pool. At most `limits.calls` calls run at once; the appends that arrive meanwhile
 * wait, and the next free call takes as many of them as it may (at most `limits.maxEvents` events and 64 appends) to
 * `append_group`, which stores them in one transaction and decides each on its own. Each append gets the answer
 * `append_events` would have given it alone.
 *
 * - A stream has at most one append in flight: the next append to it waits for the previous one's answer, so one
 *   handle's appends to a stream are stored in the order they were made.
 * - `append_group` never waits for a stream's lock. An append whose stream is locked by an append running elsewhere
 *   is answered "busy" and sent on its own to `append_events`, outside the calls, where it waits as it would have
 *   alone: a lock held by someone else's open transaction never holds up the other appends.
 * - An append alone while no other call runs goes to `append_events`, which is a little cheaper (with two calls or
 *   more). It may wait for a lock while holding a call, but it is then the only one that can, so another call stays
 *   free. `append_group` does not wait for a lock either when it inserts (an uncommitted row with one of its event
 *   ids): it fails at once, and its appends go on their own.
 * - The appends sent on their own do not count against `limits.calls`.
 * - When the server rejects a group as a whole (two of its appends carry one event id, say), its transaction has
 *   rolled back, and each of its appends is sent again on its own, to meet its own fate.
 */
export function createGroupCommit(
  pool: pg.Pool,
  single: Statement,
  group: Statement,
  limits: GroupCommitLimits,
): GroupCommit {
  let queue: Pending[] = [];
  const active = new Set<string>();
  let inFlight = 0;
  let deferred = false;

  // Not now but once the callers whose appends just settled have run on and queued their next appends: the next
  // call then takes them all, rather than the first alone and the rest a call later.
  const pumpSoon = () => {
    if (deferred) return;
    deferred = true;
    setImmediate(() => {
      deferred = false;
      pump();
    });
  };

  /** One append on its own, through `append_events`; its stream stays active until it is answered. */
  const alone = (p: Pending): Promise<void> =>
    run<{ r: string[] }>(pool, single, p.values)
      .then((rows) => p.resolve(rows[0]?.r ?? []), p.reject)
      .finally(() => {
        active.delete(p.streamId);
        if (queue.length > 0) pumpSoon();
      });

  const take = (): Pending[] => {
    const chosen: Pending[] = [];
    const waiting: Pending[] = [];
    // The streams already passed over: a stream's later append never goes before its earlier one.
    const seen = new Set<string>();
    let events = 0;
    for (const p of queue) {
      const fits =
        !active.has(p.streamId) &&
        !seen.has(p.streamId) &&
        chosen.length < MAX_APPENDS &&
        (chosen.length === 0 || events + p.events <= limits.maxEvents);
      seen.add(p.streamId);
      if (fits) {
        chosen.push(p);
        events += p.events;
      } else {
        waiting.push(p);
      }
    }
    queue = waiting;
    for (const p of chosen) active.add(p.streamId);
    return chosen;
  };

  const send = async (chosen: readonly Pending[]): Promise<void> => {
    if (chosen.length === 1 && inFlight === 1 && limits.calls > 1) {
      // Alone, and nothing else in flight: the plain append, a little cheaper. It may wait for its stream's lock, but
      // it is then the only call that can: one sent while it runs is a group, which never waits.
      await alone(chosen[0]!);
      return;
    }
    let answer: string[];
    try {
      answer = (await run<{ r: string[] }>(pool, group, encodeGroup(chosen)))[0]?.r ?? [];
    } catch (error) {
      if (!fromServer(error)) {
        for (const p of chosen) {
          active.delete(p.streamId);
          p.reject(error);
        }
        return;
      }
      for (const p of chosen) void alone(p);
      return;
    }
    for (const [i, p] of chosen.entries()) {
      const kind = answer[3 * i];
      if (kind === "3") {
        void alone(p);
        continue;
      }
      active.delete(p.streamId);
      if (kind === "0") p.resolve([kind, answer[3 * i + 1]!, answer[3 * i + 2]!]);
      else if (kind === "1") p.resolve([kind]);
      else if (kind === "2") p.resolve([kind, answer[3 * i + 1]!]);
      else p.resolve(answer.slice(3 * i, 3 * i + 3));
    }
  };

  const pump = (): void => {
    while (inFlight < limits.calls && queue.length > 0) {
      const chosen = take();
      if (chosen.length === 0) return;
      inFlight++;
      void send(chosen)
        .catch((error: unknown) => {
          for (const p of chosen) {
            active.delete(p.streamId);
            p.reject(error);
          }
        })
        .finally(() => {
          inFlight--;
          // After a lone append with nothing waiting, its caller's next append may go at once.
          if (chosen.length > 1 || queue.length > 0) pumpSoon();
        });
    }
  };

  const submit: GroupCommit = (append) =>
    new Promise<readonly string[]>((resolve, reject) => {
      queue.push({ ...append, resolve, reject });
      if (!deferred) pump();
    });
  return submit;
}

/**
 * An error the server raised for the statement (severity ERROR): the statement, and so the group's transaction,
 * failed as a whole and wrote nothing. Any other error (a lost connection, a FATAL that ends the session, which may
 * come after the commit) leaves the outcome unknown.
 */
function fromServer(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { severity?: unknown }).severity === "ERROR";
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
