import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidationError } from "../../../../src/core/errors/index.ts";
import {
  addCalendarDays,
  calendarDateSchema,
  compareCalendarDates,
  diffCalendarDays,
  isCalendarDate,
} from "../../../../src/core/periods/index.ts";
import { arbCalendarDate } from "../../../../src/testing/arbitraries/periods.ts";

function issueCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isValidationError(error)) return error.issues[0]?.code;
    throw error;
  }
  return undefined;
}

/** An independent oracle: the date `n` days after `date`, via Date.UTC. */
function oracleAdd(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

describe("isCalendarDate / calendarDateSchema", () => {
  it.each([
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["0001-01-01", true],
    ["9999-12-31", true],
    ["2026-02-30", false],
    ["2100-02-29", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-04-31", false],
    ["0000-01-01", false],
    ["2026-6-30", false],
    ["2026-06-30T00:00:00Z", false],
    [" 2026-06-30", false],
  ])("%s → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
    expect(calendarDateSchema.safeParse(value).success).toBe(expected);
  });

  it("rejects non-strings", () => {
    expect(isCalendarDate(20260630)).toBe(false);
    expect(isCalendarDate(new Date(0))).toBe(false);
    expect(calendarDateSchema.safeParse(null).success).toBe(false);
  });
});

describe("addCalendarDays", () => {
  it("crosses month, leap-day and year ends on the calendar itself", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addCalendarDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addCalendarDays("0099-12-31", 1)).toBe("0100-01-01");
  });

  it("rejects bad input instead of coercing it", () => {
    expect(issueCode(() => addCalendarDays("2026-02-30", 0))).toBe("invalid_calendar_date");
    expect(issueCode(() => addCalendarDays("2026-02-01", 1.5))).toBe("invalid_day_count");
    expect(issueCode(() => addCalendarDays("9999-12-31", 1))).toBe("calendar_date_out_of_range");
    expect(issueCode(() => addCalendarDays("0001-01-01", -1))).toBe("calendar_date_out_of_range");
  });

  it("agrees with Date.UTC day arithmetic (property)", () => {
    fc.assert(
      fc.property(arbCalendarDate(), fc.integer({ min: -40_000, max: 40_000 }), (date, n) => {
        expect(addCalendarDays(date, n)).toBe(oracleAdd(date, n));
      }),
    );
  });

  it("round-trips and never shifts a date (property)", () => {
    fc.assert(
      fc.property(arbCalendarDate(), fc.integer({ min: -100_000, max: 100_000 }), (date, n) => {
        const moved = addCalendarDays(date, n);
        expect(addCalendarDays(moved, -n)).toBe(date);
        expect(diffCalendarDays(date, moved)).toBe(n);
        expect(addCalendarDays(date, 0)).toBe(date);
      }),
    );
  });
});

describe("diffCalendarDays / compareCalendarDates", () => {
  it("counts b - a", () => {
    expect(diffCalendarDays("2026-03-01", "2026-04-01")).toBe(31);
    expect(diffCalendarDays("2026-04-01", "2026-03-01")).toBe(-31);
    expect(diffCalendarDays("2024-01-01", "2025-01-01")).toBe(366);
    expect(diffCalendarDays("2026-06-30", "2026-06-30")).toBe(0);
  });

  it("orders dates and sorts", () => {
    expect(compareCalendarDates("2025-12-31", "2026-01-01")).toBe(-1);
    expect(compareCalendarDates("2026-01-01", "2025-12-31")).toBe(1);
    expect(compareCalendarDates("2026-01-01", "2026-01-01")).toBe(0);
    expect(["2026-03-01", "2025-12-31", "2026-01-15"].sort(compareCalendarDates)).toEqual([
      "2025-12-31",
      "2026-01-15",
      "2026-03-01",
    ]);
  });

  it("rejects impossible dates", () => {
    expect(issueCode(() => diffCalendarDays("2026-02-30", "2026-03-01"))).toBe("invalid_calendar_date");
    expect(issueCode(() => compareCalendarDates("2026-03-01", "2026-3-1"))).toBe("invalid_calendar_date");
  });

  it("compare agrees with the sign of the difference (property)", () => {
    fc.assert(
      fc.property(arbCalendarDate(), arbCalendarDate(), (a, b) => {
        expect(compareCalendarDates(a, b)).toBe(Math.sign(diffCalendarDays(a, b)) * -1 || 0);
      }),
    );
  });
});
