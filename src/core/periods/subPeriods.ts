import { type Calendar, requireCalendar } from "./calendar.ts";
import { invalidInput } from "./issues.ts";
import { boundsOf, requireKind } from "./locate.ts";
import { canonicalRange, materialize, type Period, periodDayNumbers } from "./period.ts";
import type { PeriodKind } from "./periodKind.ts";
import { type KindRange, rangeContaining } from "./periodRange.ts";

/**
 * Options of {@link subPeriods}.
 *
 * @example
 * ```ts
 * const options: SubPeriodsOptions = { clip: true };
 * ```
 */
export interface SubPeriodsOptions {
  /**
   * When the periods of `kind` do not tile the parent exactly (calendar weeks in a month), return the ones that
   * overlap it, the partial ones cut to the parent and marked `clipped: true`, instead of throwing. Default `false`.
   */
  readonly clip?: boolean;
}

/**
 * The periods of a kind that tile a parent period, in order: months of a quarter, fiscal months of a fiscal quarter,
 * days of a week. By default it throws when they would not tile exactly; with `{ clip: true }` it returns the periods
 * overlapping the parent, cut to it, with the cut ones marked `clipped: true` (their `id` still names the whole
 * period, so ids stay usable as bucket keys).
 *
 * @param calendar - The calendar the parent belongs to.
 * @param kind - The kind of the sub-periods.
 * @param parent - A period of this calendar (it may itself be clipped).
 * @param options - `{ clip: true }` to cut overlapping periods instead of throwing.
 * @returns The sub-periods; the first starts at the parent's start and the last ends at its end.
 * @throws {ValidationError} `sub_periods_do_not_tile` when they do not tile and `clip` is off; `invalid_calendar`,
 * `invalid_period_kind`, `invalid_period`, `time_zone_mismatch` or `fiscal_not_configured`.
 * @example
 * ```ts
 * subPeriods(cal, "month", periodById(cal, "2026-Q3")).map((p) => p.id); // ["2026-07", "2026-08", "2026-09"]
 * subPeriods(cal, "week", periodById(cal, "2026-06"), { clip: true })[0]; // 2026-W23, Jun 1–7 (not clipped)
 * ```
 */
export function subPeriods(
  calendar: Calendar,
  kind: PeriodKind,
  parent: Period,
  options: SubPeriodsOptions = {},
): Period[] {
  const api = "subPeriods";
  requireCalendar(api, calendar);
  requireKind(api, kind);
  canonicalRange(api, calendar, parent, ["parent"]);
  const [from, to] = periodDayNumbers(api, ["parent"], parent);
  const ranges: KindRange[] = [];
  for (let day = from; day < to; ) {
    const range = rangeContaining(calendar, kind, day, api);
    ranges.push(range);
    day = range.end;
  }
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  const exact = first === undefined || last === undefined || (first.start === from && last.end === to);
  if (!exact && options.clip !== true) {
    throw invalidInput(
      api,
      "sub_periods_do_not_tile",
      ["kind"],
      `periods of kind ${kind} do not tile ${parent.id} exactly; pass { clip: true } to cut them to it`,
    );
  }
  return ranges.map((range) => {
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    const cut = start !== range.start || end !== range.end;
    const placed = cut ? { ...range, start, end } : range;
    const [startMs, endMs] = boundsOf(calendar, placed);
    return materialize(calendar, placed, startMs, endMs, cut);
  });
}
