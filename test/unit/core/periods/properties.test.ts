import { TZDate } from "@date-fns/tz";
import { getWeek, getWeekYear } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  type Calendar,
  calendarDateOf,
  diffCalendarDays,
  isFiscalKind,
  nextPeriod,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  periodById,
  periodContaining,
  periodContains,
  periodDays,
  periodOf,
  previousPeriod,
  subPeriods,
} from "../../../../src/core/periods/index.ts";
import { arbCalendar, arbCalendarDate, arbInstant, arbPeriod } from "../../../../src/testing/arbitraries/periods.ts";

const kindsOf = (cal: Calendar): PeriodKind[] =>
  PERIOD_KINDS.filter((k) => cal.fiscal !== undefined || !isFiscalKind(k));
const arbCalendarAndKind = arbCalendar().chain((cal) => fc.tuple(fc.constant(cal), fc.constantFrom(...kindsOf(cal))));

/** Walks periods of `kind` with nextPeriod from the one containing the parent's first day to the parent's end. */
function walk(cal: Calendar, kind: PeriodKind, parent: Period): Period[] {
  const out: Period[] = [];
  let p = periodContaining(cal, kind, parent.startDate);
  while (p.startDate < parent.endDate) {
    out.push(p);
    p = nextPeriod(cal, p);
  }
  return out;
}

function expectTiles(parts: readonly Period[], parent: Period): void {
  expect(parts.length).toBeGreaterThan(0);
  expect(parts[0]?.start).toBe(parent.start);
  expect(parts[0]?.startDate).toBe(parent.startDate);
  expect(parts[parts.length - 1]?.end).toBe(parent.end);
  expect(parts[parts.length - 1]?.endDate).toBe(parent.endDate);
  for (let i = 1; i < parts.length; i++) {
    expect(parts[i]?.start).toBe(parts[i - 1]?.end);
    expect(parts[i]?.startDate).toBe(parts[i - 1]?.endDate);
  }
}

describe("periods (properties)", () => {
  it("every instant falls in exactly one period of each kind", () => {
    fc.assert(
      fc.property(arbCalendarAndKind, arbInstant(), ([cal, kind], instant) => {
        const p = periodOf(cal, kind, instant);
        expect(p.kind).toBe(kind);
        expect(periodContains(p, instant)).toBe(true);
        const next = nextPeriod(cal, p);
        const previous = previousPeriod(cal, p);
        expect(periodContains(next, instant)).toBe(false);
        expect(periodContains(previous, instant)).toBe(false);
        expect(next.start).toBe(p.end);
        expect(previous.end).toBe(p.start);
        const local = calendarDateOf(instant, cal.timeZone);
        expect(local >= p.startDate && local < p.endDate).toBe(true);
        expect(calendarDateOf(p.start, cal.timeZone)).toBe(p.startDate);
        expect(calendarDateOf(p.end, cal.timeZone)).toBe(p.endDate);
      }),
    );
  });

  it("ids round-trip through periodById", () => {
    fc.assert(
      fc.property(
        arbCalendar().chain((cal) => fc.tuple(fc.constant(cal), arbPeriod(cal))),
        ([cal, p]) => {
          expect(periodById(cal, p.id)).toEqual(p);
          expect(periodContaining(cal, p.kind, p.startDate)).toEqual(p);
          expect(periodContaining(cal, p.kind, addCalendarDays(p.endDate, -1))).toEqual(p);
        },
      ),
    );
  });

  it("the months, quarters, weeks-by-walking and days of a year tile it", () => {
    fc.assert(
      fc.property(arbCalendar({ fiscal: false }), fc.integer({ min: 2000, max: 2100 }), (cal, y) => {
        const year = periodById(cal, String(y));
        const months = subPeriods(cal, "month", year);
        expect(months).toHaveLength(12);
        expectTiles(months, year);
        expectTiles(walk(cal, "month", year), year);
        expectTiles(subPeriods(cal, "quarter", year), year);
        const days = subPeriods(cal, "day", year);
        expect(days).toHaveLength(diffCalendarDays(year.startDate, year.endDate));
        expectTiles(days, year);
      }),
      { numRuns: 60 },
    );
  });

  it("the fiscal quarters, months and weeks of a fiscal year tile it", () => {
    fc.assert(
      fc.property(arbCalendar({ fiscal: true }), fc.integer({ min: 2001, max: 2099 }), (cal, y) => {
        const fy = periodById(cal, `FY${y}`);
        const retail = cal.fiscal?.pattern !== "calendar";
        const quarters = subPeriods(cal, "fiscal_quarter", fy);
        expect(quarters.map((q) => q.id)).toEqual([1, 2, 3, 4].map((q) => `FY${y}-Q${q}`));
        expectTiles(quarters, fy);
        expectTiles(walk(cal, "fiscal_quarter", fy), fy);
        const months = subPeriods(cal, "fiscal_month", fy);
        expect(months).toHaveLength(12);
        expectTiles(months, fy);
        const weeks = subPeriods(cal, "fiscal_week", fy);
        expectTiles(weeks, fy);
        expectTiles(walk(cal, "fiscal_week", fy), fy);
        expect(weeks.map((w) => w.id)).toEqual(weeks.map((_, i) => `FY${y}-W${String(i + 1).padStart(2, "0")}`));
        for (const q of quarters) expectTiles(subPeriods(cal, "fiscal_month", q), q);
        expect(nextPeriod(cal, fy).id).toBe(`FY${y + 1}`);
        expect(nextPeriod(cal, fy).startDate).toBe(fy.endDate);
        if (retail) {
          const days = periodDays(fy);
          expect([364, 371]).toContain(days);
          expect(weeks).toHaveLength(days / 7);
          expect(weeks.every((w) => periodDays(w) === 7)).toBe(true);
          expect(new Date(`${fy.startDate}T00:00:00Z`).getUTCDay()).toBe(cal.weekStartsOn);
          expect(quarters.map(periodDays)).toEqual([91, 91, 91, days - 273]);
          expectTiles(subPeriods(cal, "week", fy), fy);
        } else {
          expect(months.every((m, i) => m.startDate.slice(8) === "01" && (i === 0 || m.startDate > fy.startDate))).toBe(
            true,
          );
          expect(Number(fy.startDate.slice(5, 7))).toBe(cal.fiscal?.startMonth);
          expect(weeks.length === 53 || weeks.length === 54).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("a fiscal year is named by the year its nominal last month (or first month) falls in", () => {
    fc.assert(
      fc.property(arbCalendar({ fiscal: true }), arbCalendarDate(), (cal, date) => {
        const f = cal.fiscal;
        if (f === undefined) throw new Error("expected fiscal settings");
        const fy = periodContaining(cal, "fiscal_year", date);
        expect(date >= fy.startDate && date < fy.endDate).toBe(true);
        // Retail years end up to 6 days before or 3 days after the nominal month end, so 10 days in is safe.
        const inFirstMonth = addCalendarDays(fy.startDate, 10);
        const inLastMonth = addCalendarDays(fy.endDate, -10);
        expect(Number(inFirstMonth.slice(5, 7))).toBe(f.startMonth);
        expect(Number(inLastMonth.slice(5, 7))).toBe(f.startMonth === 1 ? 12 : f.startMonth - 1);
        const named = f.yearNamedBy === "end" ? inLastMonth : inFirstMonth;
        expect(fy.id).toBe(`FY${named.slice(0, 4)}`);
      }),
    );
  });

  it("numbers weeks like date-fns (week 1 contains January 4)", () => {
    fc.assert(
      fc.property(arbCalendar({ fiscal: false }), arbCalendarDate(), (cal, date) => {
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        const day = new TZDate(y, m - 1, d, "UTC");
        const options = { weekStartsOn: cal.weekStartsOn, firstWeekContainsDate: 4 } as const;
        const expected = `${getWeekYear(day, options)}-W${String(getWeek(day, options)).padStart(2, "0")}`;
        expect(periodContaining(cal, "week", date).id).toBe(expected);
      }),
    );
  });
});
