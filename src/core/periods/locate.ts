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

const lastByCalendar = new WeakMap<Calendar, Map<string, Located>>();

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
 * The period of a kind containing an instant. Remembers the last answer per calendar and kind, and returns it again
 * without any zone arithmetic while instants stay inside it.
 */
export function locate(calendar: Calendar, kind: PeriodKind, ms: number, api: string): Located {
  let last = lastByCalendar.get(calendar);
  if (last === undefined) {
    requireCalendar(api, calendar);
    last = new Map();
    lastByCalendar.set(calendar, last);
  }
  const hit = last.get(kind);
  if (hit !== undefined && ms >= hit.startMs && ms < hit.endMs) return hit;
  requireKind(api, kind);
  let range = rangeContaining(calendar, kind, localDayOf(calendar.timeZone, ms), api);
  let [startMs, endMs] = boundsOf(calendar, range);
  // Where a zone repeats midnight or skips a whole day, the local date can disagree with the [start, end) split.
  for (let step = 0; step < 4 && (ms < startMs || ms >= endMs); step++) {
    range = rangeContaining(calendar, kind, ms >= endMs ? range.end : range.start - 1, api);
    [startMs, endMs] = boundsOf(calendar, range);
  }
  const located: Located = { range, startMs, endMs, period: undefined };
  last.set(kind, located);
  return located;
}
