// Effective-dated holdings: an ordered list of changes, each in force from its instant until the next one. Shared by
// the account book's state and the ownership projections, so the decider and the read models agree on who held what.
import { toEpochMilliseconds } from "../core/index.ts";

/**
 * One change of an effective-dated timeline: who holds from `effectiveFrom` on. `at` is `effectiveFrom` in epoch
 * milliseconds, `seq` the order the change was recorded in (it breaks ties between equal instants: the later record
 * wins).
 *
 * @typeParam H - The holder: a rep id, or `null` for the public pool.
 * @example
 * ```ts
 * const e: TimelineEntry<string> = { holder: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z", at: 1782864000000, seq: 1 };
 * ```
 */
export interface TimelineEntry<H> {
  readonly holder: H;
  readonly effectiveFrom: string;
  readonly at: number;
  readonly seq: number;
}

/**
 * One period of a timeline: `[from, to)` in epoch milliseconds, `to` undefined for the period still running.
 *
 * @example
 * ```ts
 * const p: TimelinePeriod<TimelineEntry<string>> = { entry, from: 1782864000000, to: undefined };
 * ```
 */
export interface TimelinePeriod<T> {
  readonly entry: T;
  readonly from: number;
  readonly to: number | undefined;
}

/**
 * Inserts a change in a timeline kept sorted by `(at, seq)`, returning a new array.
 *
 * @param timeline - The timeline, sorted.
 * @param entry - The change; its `seq` is higher than every `seq` already in the timeline.
 * @returns The new, sorted timeline.
 * @example
 * ```ts
 * const t = insertEntry([], { holder: "rep-ana", effectiveFrom: "2026-07-01T00:00:00.000Z", at: 1782864000000, seq: 1 });
 * ```
 */
export function insertEntry<T extends { readonly at: number; readonly seq: number }>(
  timeline: readonly T[],
  entry: T,
): T[] {
  let i = timeline.length;
  while (i > 0 && timeline[i - 1]!.at > entry.at) i--;
  return [...timeline.slice(0, i), entry, ...timeline.slice(i)];
}

/**
 * The change in force at an instant: the one with the latest `effectiveFrom` at or before it (ties: the later record).
 *
 * @param timeline - The timeline, sorted by `(at, seq)`.
 * @param instant - An ISO instant or epoch milliseconds.
 * @returns The entry, or `undefined` before the first change.
 * @throws {ValidationError} for an invalid instant.
 * @example
 * ```ts
 * timelineEntryAt(timeline, "2026-07-15T00:00:00Z")?.holder; // "rep-ana"
 * ```
 */
export function timelineEntryAt<T extends { readonly at: number }>(
  timeline: readonly T[],
  instant: string | number,
): T | undefined {
  const ms = typeof instant === "number" ? instant : toEpochMilliseconds(instant, "timelineEntryAt");
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline[mid]!.at <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? undefined : timeline[lo - 1];
}

/**
 * The periods of a timeline: consecutive, non-overlapping `[from, to)` intervals from the first change on. A change
 * superseded by a later record at the same instant has no period.
 *
 * @param timeline - The timeline, sorted by `(at, seq)`.
 * @returns The periods, oldest first; the last one has `to: undefined`.
 * @example
 * ```ts
 * timelinePeriods(timeline).map((p) => p.entry.holder); // ["rep-ana", null, "rep-bo"]
 * ```
 */
export function timelinePeriods<T extends { readonly at: number }>(timeline: readonly T[]): TimelinePeriod<T>[] {
  const out: TimelinePeriod<T>[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const entry = timeline[i]!;
    const next = timeline[i + 1];
    if (next !== undefined && next.at === entry.at) continue;
    out.push({ entry, from: entry.at, to: next?.at });
  }
  return out;
}

/** @internal Epoch milliseconds and the canonical ISO form of an instant. */
export function _instant(value: string, api: string): { readonly at: number; readonly iso: string } {
  const at = toEpochMilliseconds(value, api);
  return { at, iso: new Date(at).toISOString() };
}
