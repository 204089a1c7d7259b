import { describe, expect, it } from "vitest";
import { defineCalendar, isValidationError } from "../../src/index.ts";
import { bucketing } from "../../src/sales/index.ts";

describe("bucketing", () => {
  it("places instants in local periods of the calendar's zone", () => {
    const month = bucketing({ by: "month", calendar: { timeZone: "Asia/Shanghai" } });
    expect(month.key("2026-06-30T15:59:59.999Z")).toBe("2026-06"); // 23:59:59.999 on 30 June in Shanghai
    expect(month.key("2026-06-30T16:00:00.000Z")).toBe("2026-07"); // midnight on 1 July
    const quarter = bucketing({ by: "quarter", calendar: defineCalendar({ timeZone: "America/New_York" }) });
    expect(quarter.key("2026-10-01T03:59:59.000Z")).toBe("2026-Q3");
    expect(quarter.key("2026-10-01T04:00:00.000Z")).toBe("2026-Q4");
  });

  it("buckets by week from the calendar's week start, and by fiscal period", () => {
    const monday = bucketing({ by: "week", calendar: { timeZone: "UTC" } });
    const sunday = bucketing({ by: "week", calendar: { timeZone: "UTC", weekStartsOn: 0 } });
    // Sunday 5 July 2026: the end of the week that started on Monday 29 June, the start of a Sunday week.
    expect(monday.period(monday.key("2026-07-05T12:00:00Z")).startDate).toBe("2026-06-29");
    expect(sunday.period(sunday.key("2026-07-05T12:00:00Z")).startDate).toBe("2026-07-05");
    const fiscal = bucketing({ by: "fiscal_quarter", calendar: { timeZone: "UTC", fiscal: { startMonth: 4 } } });
    expect(fiscal.key("2026-04-01T00:00:00Z")).toBe(fiscal.keyOfDate("2026-06-30"));
    expect(fiscal.key("2026-03-31T23:59:59Z")).not.toBe(fiscal.keyOfDate("2026-04-01"));
  });

  it("keys calendar dates without a UTC shift, and gives back the period of a key", () => {
    const month = bucketing({ by: "month", calendar: { timeZone: "Pacific/Auckland" } });
    expect(month.keyOfDate("2026-07-01")).toBe("2026-07");
    const p = month.period("2026-07");
    expect([p.startDate, p.endDate]).toEqual(["2026-07-01", "2026-08-01"]);
  });

  it("refuses an unknown kind, and a fiscal kind without fiscal settings, at once", () => {
    expect(() => bucketing({ by: "fortnight" as never, calendar: { timeZone: "UTC" } })).toThrow(
      /invalid_period_kind|fortnight/,
    );
    let error: unknown;
    try {
      bucketing({ by: "fiscal_month", calendar: { timeZone: "UTC" } });
    } catch (e) {
      error = e;
    }
    expect(isValidationError(error)).toBe(true);
  });
});
