import {
  addCalendarDays,
  type CalendarDate,
  calendarDateOf,
  compareCalendarDates,
  type Participation,
  type Period,
  periodDays,
  prorate,
  toEpochMilliseconds,
} from "../../core/index.ts";
import type { OrganizationState, Spell } from "../organization.ts";

/**
 * The days a member took part in a period, for proration.
 *
 * @example
 * ```ts
 * const p: PeriodParticipation = { memberId: "rep-ana", periodId: "2026-Q3", days: 45, periodDays: 92, segments: [{ from: "2026-08-17", through: "2026-09-30" }] };
 * ```
 */
export interface PeriodParticipation {
  readonly memberId: string;
  readonly periodId: string;
  /** Active days in the period: employed and not on leave. */
  readonly days: number;
  /** All days of the period. */
  readonly periodDays: number;
  /** The active stretches within the period, inclusive calendar dates, oldest first. */
  readonly segments: readonly { readonly from: CalendarDate; readonly through: CalendarDate }[];
}

/** Employment spells minus leaves of absence, as half-open intervals of epoch milliseconds. */
function activeSpells(employment: readonly Spell[], leaves: readonly Spell[]): Spell[] {
  let spells: Spell[] = employment.map((s) => ({ ...s }));
  for (const leave of leaves) {
    const next: Spell[] = [];
    const leaveEnd = leave.until ?? Number.POSITIVE_INFINITY;
    for (const s of spells) {
      const end = s.until ?? Number.POSITIVE_INFINITY;
      if (leaveEnd <= s.from || end <= leave.from) {
        next.push(s);
        continue;
      }
      if (s.from < leave.from) next.push({ from: s.from, until: leave.from });
      if (leaveEnd < end) next.push(s.until === undefined ? { from: leaveEnd } : { from: leaveEnd, until: s.until });
    }
    spells = next;
  }
  return spells;
}

/**
 * The days a member is active in a period: hired, not left, not on leave of absence. A local day of the period's
 * zone counts when the member is active at any moment of it (hired at 09:00 counts that day; a termination
 * effective at local midnight does not count the day it starts). Days are counted with the periods module's
 * `prorate` rule: inclusive calendar dates in the calendar's zone.
 *
 * @param state - The team directory (or the organisation decider's state).
 * @param memberId - The member.
 * @param period - The period, from the periods module.
 * @returns The active days, the period's days and the active stretches; 0 days for an unknown member.
 * @throws {@link ValidationError} `invalid_period` for a malformed period.
 * @example
 * ```ts
 * const q3 = periodById(calendar, "2026-Q3");
 * participationIn(directory, "rep-ana", q3); // { days: 45, periodDays: 92, … } for a hire on 17 August
 * ```
 */
export function participationIn(state: OrganizationState, memberId: string, period: Period): PeriodParticipation {
  const total = periodDays(period);
  const member = state.members[memberId];
  const start = toEpochMilliseconds(period.start, "participationIn");
  const end = toEpochMilliseconds(period.end, "participationIn");
  const lastDay = addCalendarDays(period.endDate, -1);
  const ranges: Participation[] = [];
  for (const s of member ? activeSpells(member.employment, member.leaves) : []) {
    if (s.from >= end || (s.until !== undefined && s.until <= start)) continue;
    const from = calendarDateOf(s.from, period.timeZone);
    const through = s.until === undefined ? lastDay : calendarDateOf(s.until - 1, period.timeZone);
    ranges.push({
      from: compareCalendarDates(from, period.startDate) < 0 ? period.startDate : from,
      through: compareCalendarDates(through, lastDay) > 0 ? lastDay : through,
    });
  }
  ranges.sort((a, b) => compareCalendarDates(a.from!, b.from!));
  const merged: { from: CalendarDate; through: CalendarDate }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && compareCalendarDates(r.from!, last.through) <= 0) {
      if (compareCalendarDates(r.through!, last.through) > 0) last.through = r.through!;
    } else if (compareCalendarDates(r.from!, r.through!) <= 0) {
      merged.push({ from: r.from!, through: r.through! });
    }
  }
  let days = 0;
  for (const m of merged) days += prorate(period, m).days;
  return { memberId, periodId: period.id, days, periodDays: total, segments: merged };
}
