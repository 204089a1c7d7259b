import { type Calendar, requireCalendar } from "./calendar.ts";
import { describe } from "./calendarDate.ts";
import { invalidInput } from "./issues.ts";
import type { Period } from "./period.ts";
import { isPeriodKind, type PeriodKind } from "./periodKind.ts";
import { type KindRange, rangeContaining } from "./periodRange.ts";
import { localDayOf, startOfLocalDay } from "./timeZone.ts";

/** A period located in time: its local days and its [start, end) epoch milliseconds. */
export interface Located {
  readonly range: KindRange;
  readonly startMs: number;
  readonly endMs: number;
  /** The materialized period, filled in lazily by `periodOf`. */
  period: Period | undefined;
}

/** Recently located periods per calendar and kind, sorted by start: periods of one kind never overlap. */
const recentByCalendar = new WeakMap<Calendar, Map<string, Located[]>>();
/** How many periods are remembered per calendar and kind before the list starts over. */
const RECENT_PERIODS = 64;

/** Throws `invalid_period_kind` unless the value is a {@link PeriodKind}. */
export function requireKind(api: string, kind: unknown): PeriodKind {
  if (!isPeriodKind(kind)) {
    throw invalidInput(api, "invalid_period_kind", ["kind"], `expected a period kind, got ${describe(kind)}`);
  }
  return kind;
}

/** The instants bounding a range of local days in a calendar's zone. */
export function boundsOf(calendar: Calendar, range: KindRange): [startMs: number, endMs: number] {
  return [startOfLocalDay(calendar.timeZone, range.start), startOfLocalDay(calendar.timeZone, range.end)];
}

/**
 * The period of a kind containing an instant. Remembers the periods it located recently per calendar and kind (a
 * few dozen), and returns one again without any zone arithmetic when the instant falls inside it, so instants that
 * move back and forth between neighbouring periods (several projections bucketing the same events, or one
 * customer's events after another's) stay cheap.
 */
export function locate(calendar: Calendar, kind: PeriodKind, ms: number, api: string): Located {
  let byKind = recentByCalendar.get(calendar);
  if (byKind === undefined) {
    requireCalendar(api, calendar);
    byKind = new Map();
    recentByCalendar.set(calendar, byKind);
  }
  let recent = byKind.get(kind);
  if (recent !== undefined) {
    const candidate = recent[lastStartingBy(recent, ms) - 1];
    if (candidate !== undefined && ms < candidate.endMs) return candidate;
  }
  requireKind(api, kind);
  let range = rangeContaining(calendar, kind, localDayOf(calendar.timeZone, ms), api);
  let [startMs, endMs] = boundsOf(calendar, range);
  // Where a zone repeats midnight or skips a whole day, the local date can disagree with the [start, end) split.
  for (let step = 0; step < 4 && (ms < startMs || ms >= endMs); step++) {
    range = rangeContaining(calendar, kind, ms >= endMs ? range.end : range.start - 1, api);
    [startMs, endMs] = boundsOf(calendar, range);
  }
  const located: Located = { range, startMs, endMs, period: undefined };
  if (recent === undefined || recent.length >= RECENT_PERIODS) {
    recent = [];
    byKind.set(kind, recent);
  }
  recent.splice(lastStartingBy(recent, startMs), 0, located);
  return located;
}

/** The number of periods in a sorted list that start at or before `ms`. */
function lastStartingBy(sorted: readonly Located[], ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.startMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
