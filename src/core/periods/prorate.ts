import { type CalendarDate, requireCalendarDate } from "./calendarDate.ts";
import { invalidInput } from "./issues.ts";
import { type Period, periodDayNumbers } from "./period.ts";

/**
 * The days someone took part in a period. Both bounds are inclusive calendar dates; a missing bound is open-ended.
 *
 * @example
 * ```ts
 * const hiredOnThe10th: Participation = { from: "2026-06-10" };
 * const leftAfterThe20th: Participation = { through: "2026-06-20" };
 * ```
 */
export interface Participation {
  /** The first day taken part in (inclusive), such as a hire date. */
  readonly from?: CalendarDate;
  /** The last day taken part in (inclusive), such as the last working day. */
  readonly through?: CalendarDate;
}

/**
 * The share of a period's days someone took part in, as two integers. Multiply money by `days / periodDays` with the
 * money module; no floats are produced here.
 *
 * @param period - The period (only its `startDate` and `endDate` are used).
 * @param participation - `from` and `through`, both inclusive; either may be left out.
 * @returns `days`, the days of the period within [from, through], and `periodDays`, all its days.
 * @throws {ValidationError} `invalid_period`, `invalid_calendar_date`, or `invalid_participation` when `from` is after
 * `through`.
 * @example
 * ```ts
 * const june = periodById(cal, "2026-06");
 * prorate(june, { from: "2026-06-10" }); // { days: 21, periodDays: 30 }
 * prorate(june, { from: "2026-06-10", through: "2026-06-20" }); // { days: 11, periodDays: 30 }
 * prorate(june, { through: "2026-05-31" }); // { days: 0, periodDays: 30 }
 * ```
 */
export function prorate(period: Period, participation: Participation): { days: number; periodDays: number } {
  const api = "prorate";
  const [start, end] = periodDayNumbers(api, ["period"], period);
  if (typeof participation !== "object" || participation === null) {
    throw invalidInput(api, "invalid_participation", ["participation"], "expected { from?, through? }");
  }
  const { from, through } = participation;
  const first = from === undefined ? start : requireCalendarDate(api, ["participation", "from"], from);
  const last = through === undefined ? end - 1 : requireCalendarDate(api, ["participation", "through"], through);
  if (from !== undefined && through !== undefined && first > last) {
    throw invalidInput(
      api,
      "invalid_participation",
      ["participation"],
      `from ${from} is after through ${through}; both are inclusive`,
    );
  }
  const days = Math.max(0, Math.min(end, last + 1) - Math.max(start, first));
  return { days, periodDays: end - start };
}
