import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidationError } from "../../../../src/core/errors/index.ts";
import { addCalendarDays, defineCalendar, periodById, prorate } from "../../../../src/core/periods/index.ts";
import { arbCalendarDate, arbPeriod } from "../../../../src/testing/arbitraries/periods.ts";

function issueCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isValidationError(error)) return error.issues[0]?.code;
    throw error;
  }
  return undefined;
}

const cal = defineCalendar({ timeZone: "America/New_York" });
const june = periodById(cal, "2026-06");

describe("prorate", () => {
  it("counts both bounds inclusively", () => {
    expect(prorate(june, {})).toEqual({ days: 30, periodDays: 30 });
    expect(prorate(june, { from: "2026-06-10" })).toEqual({ days: 21, periodDays: 30 });
    expect(prorate(june, { through: "2026-06-20" })).toEqual({ days: 20, periodDays: 30 });
    expect(prorate(june, { from: "2026-06-10", through: "2026-06-20" })).toEqual({ days: 11, periodDays: 30 });
    expect(prorate(june, { from: "2026-06-15", through: "2026-06-15" })).toEqual({ days: 1, periodDays: 30 });
    expect(prorate(june, { from: "2026-06-30" })).toEqual({ days: 1, periodDays: 30 });
    expect(prorate(june, { through: "2026-06-01" })).toEqual({ days: 1, periodDays: 30 });
  });

  it("gives zero outside the period and the whole period around it", () => {
    expect(prorate(june, { through: "2026-05-31" })).toEqual({ days: 0, periodDays: 30 });
    expect(prorate(june, { from: "2026-07-01" })).toEqual({ days: 0, periodDays: 30 });
    expect(prorate(june, { from: "2025-01-01", through: "2027-01-01" })).toEqual({ days: 30, periodDays: 30 });
  });

  it("counts a DST month by its days, not its hours", () => {
    expect(prorate(periodById(cal, "2026-03"), { from: "2026-03-08" })).toEqual({ days: 24, periodDays: 31 });
  });

  it("rejects impossible dates and reversed ranges", () => {
    expect(issueCode(() => prorate(june, { from: "2026-06-31" }))).toBe("invalid_calendar_date");
    expect(issueCode(() => prorate(june, { from: "2026-06-20", through: "2026-06-10" }))).toBe("invalid_participation");
    expect(issueCode(() => prorate({ ...june, endDate: "2026-13-01" }, {}))).toBe("invalid_period");
  });

  it("days lie within [0, periodDays] and equal a day-by-day count (property)", () => {
    fc.assert(
      fc.property(
        arbPeriod(),
        fc.option(arbCalendarDate(), { nil: undefined }),
        fc.option(arbCalendarDate(), { nil: undefined }),
        (period, a, b) => {
          const [from, through] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
          const { days, periodDays } = prorate(period, { from, through });
          expect(Number.isInteger(days)).toBe(true);
          expect(days).toBeGreaterThanOrEqual(0);
          expect(days).toBeLessThanOrEqual(periodDays);
          let counted = 0;
          for (let d = period.startDate; d < period.endDate; d = addCalendarDays(d, 1)) {
            if ((from === undefined || d >= from) && (through === undefined || d <= through)) counted++;
          }
          expect(days).toBe(counted);
        },
      ),
      { numRuns: 100 },
    );
  });
});
