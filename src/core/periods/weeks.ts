import { civilFromDays, daysFromCivil, weekdayOf } from "./calendarDate.ts";

/** The day number of the week start on or before a day. */
export function weekStartOnOrBefore(dayNumber: number, weekStartsOn: number): number {
  return dayNumber - ((weekdayOf(dayNumber) - weekStartsOn + 7) % 7);
}

/** The first day of week 1 of a week-year: the week start on or before January 4. */
export function weekYearStart(year: number, weekStartsOn: number): number {
  return weekStartOnOrBefore(daysFromCivil(year, 1, 4), weekStartsOn);
}

/** How many weeks (52 or 53) a week-year has. */
export function weeksInWeekYear(year: number, weekStartsOn: number): number {
  return (weekYearStart(year + 1, weekStartsOn) - weekYearStart(year, weekStartsOn)) / 7;
}

/**
 * The week-year and week number of a day. A week belongs to the year that holds at least four of its days (its fourth
 * day's year), so week 1 is the week containing January 4; with Monday starts this is ISO 8601.
 */
export function weekOfDay(dayNumber: number, weekStartsOn: number): { year: number; week: number; start: number } {
  const start = weekStartOnOrBefore(dayNumber, weekStartsOn);
  const [year] = civilFromDays(start + 3);
  return { year, week: (start - weekYearStart(year, weekStartsOn)) / 7 + 1, start };
}
