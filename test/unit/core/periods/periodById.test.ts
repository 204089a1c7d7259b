import { describe, expect, it } from "vitest";
import { isValidationError } from "../../../../src/core/errors/index.ts";
import {
  defineCalendar,
  nextPeriod,
  type Period,
  periodById,
  periodContaining,
  periodOf,
  previousPeriod,
} from "../../../../src/core/periods/index.ts";

function issueCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isValidationError(error)) return error.issues[0]?.code;
    throw error;
  }
  return undefined;
}

const shanghai = defineCalendar({ timeZone: "Asia/Shanghai" });
const utc = defineCalendar({ timeZone: "UTC" });
const utcSunday = defineCalendar({ timeZone: "UTC", weekStartsOn: 0 });

describe("periodById", () => {
  it("places 2026-Q3 in Asia/Shanghai", () => {
    expect(periodById(shanghai, "2026-Q3")).toEqual({
      kind: "quarter",
      id: "2026-Q3",
      timeZone: "Asia/Shanghai",
      start: "2026-06-30T16:00:00.000Z",
      end: "2026-09-30T16:00:00.000Z",
      startDate: "2026-07-01",
      endDate: "2026-10-01",
    });
  });

  it("returns frozen periods", () => {
    expect(Object.isFrozen(periodById(utc, "2026"))).toBe(true);
  });

  it.each<[string, Period["kind"], string, string]>([
    ["2026-06-30", "day", "2026-06-30", "2026-07-01"],
    ["2024-02-29", "day", "2024-02-29", "2024-03-01"],
    ["2026-W27", "week", "2026-06-29", "2026-07-06"],
    ["2026-W01", "week", "2025-12-29", "2026-01-05"],
    ["2026-W53", "week", "2026-12-28", "2027-01-04"],
    ["2020-W53", "week", "2020-12-28", "2021-01-04"],
    ["2026-06", "month", "2026-06-01", "2026-07-01"],
    ["2024-02", "month", "2024-02-01", "2024-03-01"],
    ["2026-Q2", "quarter", "2026-04-01", "2026-07-01"],
    ["2026-Q4", "quarter", "2026-10-01", "2027-01-01"],
    ["2026", "year", "2026-01-01", "2027-01-01"],
  ])("%s is a %s from %s to %s (UTC, Monday weeks)", (id, kind, startDate, endDate) => {
    const p = periodById(utc, id);
    expect(p.kind).toBe(kind);
    expect(p.id).toBe(id);
    expect(p.startDate).toBe(startDate);
    expect(p.endDate).toBe(endDate);
    expect(p.start).toBe(`${startDate}T00:00:00.000Z`);
    expect(p.end).toBe(`${endDate}T00:00:00.000Z`);
  });

  it("numbers Sunday-start weeks by the January-4 rule", () => {
    // 2026-01-04 is a Sunday, so week 1 of 2026 starts on it; 2026-01-01 falls in the 53rd week of 2025.
    expect(periodContaining(utcSunday, "week", "2026-01-04").id).toBe("2026-W01");
    expect(periodContaining(utcSunday, "week", "2026-01-01").id).toBe("2025-W53");
    expect(periodById(utcSunday, "2025-W53").startDate).toBe("2025-12-28");
    expect(periodById(utcSunday, "2026-W27").startDate).toBe("2026-07-05");
  });

  it.each([["2026-q3"], ["26-Q3"], ["2026-W7"], ["2026/06"], ["FY27"], ["FY2027-M01"], ["2026-06-30T00:00"], [""]])(
    "rejects malformed %j as invalid_period_id",
    (id) => {
      expect(issueCode(() => periodById(utc, id))).toBe("invalid_period_id");
    },
  );

  it.each([["2026-02-30"], ["2026-13"], ["2026-00"], ["2026-Q5"], ["2026-Q0"], ["2025-W53"], ["2026-W00"], ["0000"]])(
    "rejects impossible %j as period_does_not_exist",
    (id) => {
      expect(issueCode(() => periodById(utc, id))).toBe("period_does_not_exist");
    },
  );

  it("rejects fiscal ids without fiscal settings and non-calendars", () => {
    expect(issueCode(() => periodById(utc, "FY2027"))).toBe("fiscal_not_configured");
    expect(issueCode(() => periodById(utc, "FY2027-Q1"))).toBe("fiscal_not_configured");
    expect(issueCode(() => periodOf(utc, "fiscal_month", 0))).toBe("fiscal_not_configured");
    expect(issueCode(() => periodById({ timeZone: "UTC", weekStartsOn: 1 }, "2026"))).toBe("invalid_calendar");
    expect(issueCode(() => periodById(utc, 2026 as unknown as string))).toBe("invalid_period_id");
  });

  it("rejects periods outside years 0001-9999", () => {
    expect(issueCode(() => periodById(utc, "9999"))).toBe("period_out_of_range");
    expect(periodById(utc, "9998").endDate).toBe("9999-01-01");
  });
});

describe("periodOf / periodContaining", () => {
  it("finds the period containing an instant in the calendar's zone", () => {
    expect(periodOf(shanghai, "quarter", "2026-06-30T16:00:00Z").id).toBe("2026-Q3");
    expect(periodOf(shanghai, "quarter", "2026-06-30T15:59:59.999Z").id).toBe("2026-Q2");
    expect(periodOf(shanghai, "day", Date.UTC(2026, 5, 30, 16)).id).toBe("2026-07-01");
    expect(periodOf(shanghai, "year", new Date(Date.UTC(2026, 11, 31, 16))).id).toBe("2027");
  });

  it("finds the period containing a local date", () => {
    expect(periodContaining(utc, "week", "2026-01-01").id).toBe("2026-W01");
    expect(periodContaining(utc, "week", "2021-01-03").id).toBe("2020-W53");
    expect(periodContaining(utc, "month", "2024-02-29").id).toBe("2024-02");
    expect(periodContaining(utc, "quarter", "2026-09-30").id).toBe("2026-Q3");
  });

  it("rejects unknown kinds and bad dates", () => {
    expect(issueCode(() => periodOf(utc, "fortnight" as "week", 0))).toBe("invalid_period_kind");
    expect(issueCode(() => periodContaining(utc, "day", "2026-02-30"))).toBe("invalid_calendar_date");
  });
});

describe("nextPeriod / previousPeriod", () => {
  it.each([
    ["2026-Q4", "2027-Q1", "2026-Q3"],
    ["2026-12", "2027-01", "2026-11"],
    ["2026-W01", "2026-W02", "2025-W52"],
    ["2020-W53", "2021-W01", "2020-W52"],
    ["2024-02-28", "2024-02-29", "2024-02-27"],
    ["2026", "2027", "2025"],
  ])("after %s comes %s, before it %s", (id, next, previous) => {
    const p = periodById(utc, id);
    expect(nextPeriod(utc, p).id).toBe(next);
    expect(previousPeriod(utc, p).id).toBe(previous);
    expect(nextPeriod(utc, p).start).toBe(p.end);
    expect(previousPeriod(utc, p).end).toBe(p.start);
  });

  it("rejects a period from another zone or one whose dates disagree with its id", () => {
    const p = periodById(shanghai, "2026-Q3");
    expect(issueCode(() => nextPeriod(utc, p))).toBe("time_zone_mismatch");
    expect(issueCode(() => nextPeriod(shanghai, { ...p, startDate: "2026-07-02" }))).toBe("invalid_period");
    expect(issueCode(() => nextPeriod(shanghai, { ...p, kind: "month" }))).toBe("invalid_period");
  });
});
