import type { Calendar, FiscalSettings } from "./calendar.ts";
import { civilFromDays, daysFromCivil, daysInMonth, describe, MAX_DAY, MIN_DAY, pad } from "./calendarDate.ts";
import {
  type DayRange,
  fiscalMonthRanges,
  fiscalWeekRanges,
  fiscalYearOfDay,
  fiscalYearRange,
  indexOfDay,
} from "./fiscal.ts";
import { invalidInput } from "./issues.ts";
import type { PeriodKind } from "./periodKind.ts";
import { weekOfDay, weekStartOnOrBefore, weeksInWeekYear, weekYearStart } from "./weeks.ts";

/** A period before it is placed in time: its kind, id and local days (end exclusive). */
export interface KindRange extends DayRange {
  readonly kind: PeriodKind;
  readonly id: string;
}

/** The fiscal settings of a calendar, or a thrown `fiscal_not_configured`. */
export function requireFiscal(api: string, calendar: Calendar, path: PropertyKey[]): FiscalSettings {
  if (calendar.fiscal === undefined) {
    throw invalidInput(
      api,
      "fiscal_not_configured",
      path,
      "fiscal periods need a calendar defined with fiscal settings (defineCalendar({ ..., fiscal: { ... } }))",
    );
  }
  return calendar.fiscal;
}

function checked(api: string, path: PropertyKey[], range: KindRange): KindRange {
  if (range.start < MIN_DAY || range.end > MAX_DAY) {
    throw invalidInput(api, "period_out_of_range", path, "periods must start and end within years 0001-9999");
  }
  return range;
}

const fyId = (fiscalYear: number): string => `FY${pad(fiscalYear, 4)}`;

/** The period of a kind containing a local day. */
export function rangeContaining(calendar: Calendar, kind: PeriodKind, day: number, api: string): KindRange {
  const path = ["kind"];
  switch (kind) {
    case "day": {
      const [y, m, d] = civilFromDays(day);
      return checked(api, path, { kind, id: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, start: day, end: day + 1 });
    }
    case "week": {
      const w = weekOfDay(day, calendar.weekStartsOn);
      return checked(api, path, { kind, id: `${pad(w.year, 4)}-W${pad(w.week, 2)}`, start: w.start, end: w.start + 7 });
    }
    case "month": {
      const [y, m] = civilFromDays(day);
      const start = daysFromCivil(y, m, 1);
      return checked(api, path, { kind, id: `${pad(y, 4)}-${pad(m, 2)}`, start, end: start + daysInMonth(y, m) });
    }
    case "quarter": {
      const [y, m] = civilFromDays(day);
      const q = Math.floor((m - 1) / 3);
      const start = daysFromCivil(y, q * 3 + 1, 1);
      const end = q === 3 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, q * 3 + 4, 1);
      return checked(api, path, { kind, id: `${pad(y, 4)}-Q${q + 1}`, start, end });
    }
    case "year": {
      const [y] = civilFromDays(day);
      return checked(api, path, {
        kind,
        id: pad(y, 4),
        start: daysFromCivil(y, 1, 1),
        end: daysFromCivil(y + 1, 1, 1),
      });
    }
    default:
      return fiscalRangeContaining(calendar, kind, day, api);
  }
}

function fiscalRangeContaining(calendar: Calendar, kind: PeriodKind, day: number, api: string): KindRange {
  const f = requireFiscal(api, calendar, ["kind"]);
  const { fiscalYear, range } = fiscalYearOfDay(f, calendar.weekStartsOn, day);
  const path = ["kind"];
  if (kind === "fiscal_year") return checked(api, path, { kind, id: fyId(fiscalYear), ...range });
  if (kind === "fiscal_week") {
    let index: number;
    let start: number;
    let end: number;
    if (f.pattern === "calendar") {
      const second = weekStartOnOrBefore(range.start, calendar.weekStartsOn) + 7;
      index = day < second ? 0 : 1 + Math.floor((day - second) / 7);
      start = index === 0 ? range.start : second + (index - 1) * 7;
      end = index === 0 ? second : start + 7;
    } else {
      index = Math.floor((day - range.start) / 7);
      start = range.start + index * 7;
      end = start + 7;
    }
    const id = `${fyId(fiscalYear)}-W${pad(index + 1, 2)}`;
    return checked(api, path, { kind, id, start, end: Math.min(end, range.end) });
  }
  const months = fiscalMonthRanges(f, range);
  const i = indexOfDay(months, day);
  if (kind === "fiscal_month") {
    const m = months[i] as DayRange;
    return checked(api, path, { kind, id: `${fyId(fiscalYear)}-P${pad(i + 1, 2)}`, start: m.start, end: m.end });
  }
  const q = Math.floor(i / 3);
  const first = months[q * 3] as DayRange;
  const last = months[q * 3 + 2] as DayRange;
  return checked(api, path, { kind, id: `${fyId(fiscalYear)}-Q${q + 1}`, start: first.start, end: last.end });
}

const DAY_ID = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_ID = /^(\d{4})-W(\d{2})$/;
const MONTH_ID = /^(\d{4})-(\d{2})$/;
const QUARTER_ID = /^(\d{4})-Q(\d)$/;
const YEAR_ID = /^(\d{4})$/;
const FISCAL_ID = /^FY(\d{4})(?:-(Q\d|P\d{2}|W\d{2}))?$/;

/** The period an id names, or a thrown `invalid_period_id`, `period_does_not_exist` or `fiscal_not_configured`. */
export function rangeById(calendar: Calendar, id: unknown, api: string, path: PropertyKey[] = ["id"]): KindRange {
  if (typeof id !== "string") throw malformed(api, path, id);
  const missing = (what: string) =>
    invalidInput(api, "period_does_not_exist", path, `${JSON.stringify(id)} names no ${what}`);
  let m: RegExpExecArray | null;
  if ((m = DAY_ID.exec(id)) !== null) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw missing("calendar date");
    const start = daysFromCivil(y, mo, d);
    return checked(api, path, { kind: "day", id, start, end: start + 1 });
  }
  if ((m = WEEK_ID.exec(id)) !== null) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    if (y < 1 || w < 1 || w > weeksInWeekYear(y, calendar.weekStartsOn)) throw missing("week of this calendar");
    const start = weekYearStart(y, calendar.weekStartsOn) + (w - 1) * 7;
    return checked(api, path, { kind: "week", id, start, end: start + 7 });
  }
  if ((m = MONTH_ID.exec(id)) !== null) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (y < 1 || mo < 1 || mo > 12) throw missing("month");
    return rangeContaining(calendar, "month", daysFromCivil(y, mo, 1), api);
  }
  if ((m = QUARTER_ID.exec(id)) !== null) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    if (y < 1 || q < 1 || q > 4) throw missing("quarter");
    return rangeContaining(calendar, "quarter", daysFromCivil(y, q * 3 - 2, 1), api);
  }
  if ((m = YEAR_ID.exec(id)) !== null) {
    const y = Number(m[1]);
    if (y < 1) throw missing("year");
    return rangeContaining(calendar, "year", daysFromCivil(y, 1, 1), api);
  }
  if ((m = FISCAL_ID.exec(id)) !== null) {
    const f = requireFiscal(api, calendar, path);
    const fy = Number(m[1]);
    if (fy < 1) throw missing("fiscal year");
    const year = fiscalYearRange(f, calendar.weekStartsOn, fy);
    const part = m[2];
    if (part === undefined) return checked(api, path, { kind: "fiscal_year", id, ...year });
    const n = Number(part.slice(1));
    if (part[0] === "W") {
      const week = fiscalWeekRanges(f, calendar.weekStartsOn, year)[n - 1];
      if (n < 1 || week === undefined) throw missing("fiscal week of this calendar");
      return checked(api, path, { kind: "fiscal_week", id, start: week.start, end: week.end });
    }
    const months = fiscalMonthRanges(f, year);
    if (part[0] === "P") {
      const month = months[n - 1];
      if (n < 1 || month === undefined) throw missing("fiscal month");
      return checked(api, path, { kind: "fiscal_month", id, start: month.start, end: month.end });
    }
    const first = months[n * 3 - 3];
    const last = months[n * 3 - 1];
    if (n < 1 || first === undefined || last === undefined) throw missing("fiscal quarter");
    return checked(api, path, { kind: "fiscal_quarter", id, start: first.start, end: last.end });
  }
  throw malformed(api, path, id);
}

function malformed(api: string, path: PropertyKey[], id: unknown) {
  return invalidInput(
    api,
    "invalid_period_id",
    path,
    `expected a period id such as 2026-06-30, 2026-W27, 2026-06, 2026-Q2, 2026, FY2027, FY2027-Q1, FY2027-P01 or FY2027-W01, got ${describe(id)}`,
  );
}
