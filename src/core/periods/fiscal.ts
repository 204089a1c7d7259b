import type { FiscalSettings } from "./calendar.ts";
import { civilFromDays, daysFromCivil, daysInMonth, weekdayOf } from "./calendarDate.ts";
import { weekStartOnOrBefore } from "./weeks.ts";

/** A range of local days as day numbers, end exclusive. */
export interface DayRange {
  readonly start: number;
  readonly end: number;
}

/** The calendar year of the month a fiscal year (nominally) ends in. */
function anchorYearOf(f: FiscalSettings, fiscalYear: number): number {
  return f.yearNamedBy === "end" || f.startMonth === 1 ? fiscalYear : fiscalYear + 1;
}

function fiscalYearOfAnchor(f: FiscalSettings, anchorYear: number): number {
  return f.yearNamedBy === "end" || f.startMonth === 1 ? anchorYear : anchorYear - 1;
}

/** The exclusive end (day number) of the fiscal year whose last nominal month lies in `anchorYear`. */
function endOfAnchorYear(f: FiscalSettings, weekStartsOn: number, anchorYear: number): number {
  if (f.pattern === "calendar") {
    return f.startMonth === 1 ? daysFromCivil(anchorYear + 1, 1, 1) : daysFromCivil(anchorYear, f.startMonth, 1);
  }
  const month = f.startMonth === 1 ? 12 : f.startMonth - 1;
  const lastDay = daysFromCivil(anchorYear, month, daysInMonth(anchorYear, month));
  const weekEnd = (weekStartsOn + 6) % 7;
  const back = (weekdayOf(lastDay) - weekEnd + 7) % 7;
  const lastWeekEnd = lastDay - back;
  return (f.weekEndRule === "nearest" && back > 3 ? lastWeekEnd + 7 : lastWeekEnd) + 1;
}

/** The days of fiscal year `fiscalYear`. */
export function fiscalYearRange(f: FiscalSettings, weekStartsOn: number, fiscalYear: number): DayRange {
  const anchor = anchorYearOf(f, fiscalYear);
  return { start: endOfAnchorYear(f, weekStartsOn, anchor - 1), end: endOfAnchorYear(f, weekStartsOn, anchor) };
}

/** The fiscal year containing a day, with its range. */
export function fiscalYearOfDay(
  f: FiscalSettings,
  weekStartsOn: number,
  dayNumber: number,
): { fiscalYear: number; range: DayRange } {
  const [year] = civilFromDays(dayNumber);
  let start = endOfAnchorYear(f, weekStartsOn, year - 2);
  for (let anchor = year - 1; ; anchor++) {
    const end = endOfAnchorYear(f, weekStartsOn, anchor);
    if (dayNumber < end) return { fiscalYear: fiscalYearOfAnchor(f, anchor), range: { start, end } };
    start = end;
  }
}

const SPLITS: Record<Exclude<FiscalSettings["pattern"], "calendar">, readonly number[]> = {
  "4-4-5": [4, 4, 5],
  "4-5-4": [4, 5, 4],
  "5-4-4": [5, 4, 4],
};

/** The 12 fiscal months of a fiscal year as day ranges. */
export function fiscalMonthRanges(f: FiscalSettings, year: DayRange): DayRange[] {
  const out: DayRange[] = [];
  if (f.pattern === "calendar") {
    const [y0, m0] = civilFromDays(year.start);
    for (let i = 0; i < 12; i++) {
      const m = m0 - 1 + i;
      const next = m0 + i;
      out.push({
        start: daysFromCivil(y0 + Math.floor(m / 12), (m % 12) + 1, 1),
        end: daysFromCivil(y0 + Math.floor(next / 12), (next % 12) + 1, 1),
      });
    }
    return out;
  }
  const split = SPLITS[f.pattern];
  const extraWeek = year.end - year.start === 371 ? 1 : 0;
  let start = year.start;
  for (let i = 0; i < 12; i++) {
    const weeks = (split[i % 3] ?? 0) + (i === 11 ? extraWeek : 0);
    out.push({ start, end: start + weeks * 7 });
    start += weeks * 7;
  }
  return out;
}

/**
 * The fiscal weeks of a fiscal year as day ranges. Retail patterns: 52 or 53 seven-day weeks from the year start.
 * Calendar pattern: weeks starting on `weekStartsOn`, the first and last clipped to the fiscal year (so 53 or 54 weeks).
 */
export function fiscalWeekRanges(f: FiscalSettings, weekStartsOn: number, year: DayRange): DayRange[] {
  const out: DayRange[] = [];
  let start = year.start;
  let end = f.pattern === "calendar" ? weekStartOnOrBefore(year.start, weekStartsOn) + 7 : year.start + 7;
  while (start < year.end) {
    out.push({ start, end: Math.min(end, year.end) });
    start = end;
    end += 7;
  }
  return out;
}

/** The index (0-based) of the range containing a day, in ranges that tile a span containing it. */
export function indexOfDay(ranges: readonly DayRange[], dayNumber: number): number {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    if (r !== undefined && dayNumber < r.end) return i;
  }
  return ranges.length - 1;
}
