export { bucketKey } from "./bucketKey.ts";
export {
  type Calendar,
  type CalendarOptions,
  defineCalendar,
  type FiscalOptions,
  type FiscalPattern,
  type FiscalSettings,
  isCalendar,
  type WeekEndRule,
  type Weekday,
  type YearNamedBy,
} from "./calendar.ts";
export {
  addCalendarDays,
  type CalendarDate,
  calendarDateSchema,
  compareCalendarDates,
  diffCalendarDays,
  isCalendarDate,
} from "./calendarDate.ts";
export { type Instant, toEpochMilliseconds, toIsoInstant } from "./instant.ts";
export { type Period, periodContains, periodDays } from "./period.ts";
export { isFiscalKind, isPeriodKind, PERIOD_KINDS, type PeriodKind } from "./periodKind.ts";
export { nextPeriod, periodById, periodContaining, periodOf, previousPeriod } from "./periodLookup.ts";
export { type Participation, prorate } from "./prorate.ts";
export { type SubPeriodsOptions, subPeriods } from "./subPeriods.ts";
export { calendarDateOf, isTimeZone } from "./timeZone.ts";
