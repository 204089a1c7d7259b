import { describe, expect, it } from "vitest";
import { isValidationError } from "../../../../src/core/errors/index.ts";
import {
  defineCalendar,
  nextPeriod,
  periodById,
  periodDays,
  previousPeriod,
  subPeriods,
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

const cal = defineCalendar({ timeZone: "Asia/Shanghai", fiscal: { startMonth: 4 } });

describe("subPeriods", () => {
  it("months of a quarter", () => {
    expect(subPeriods(cal, "month", periodById(cal, "2026-Q3")).map((p) => p.id)).toEqual([
      "2026-07",
      "2026-08",
      "2026-09",
    ]);
  });

  it("fiscal months of a fiscal quarter, quarters of a year, days of a week", () => {
    expect(subPeriods(cal, "fiscal_month", periodById(cal, "FY2027-Q1")).map((p) => p.startDate)).toEqual([
      "2026-04-01",
      "2026-05-01",
      "2026-06-01",
    ]);
    expect(subPeriods(cal, "quarter", periodById(cal, "2026")).map((p) => p.id)).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    expect(subPeriods(cal, "day", periodById(cal, "2026-W27")).map((p) => p.id)).toEqual([
      "2026-06-29",
      "2026-06-30",
      "2026-07-01",
      "2026-07-02",
      "2026-07-03",
      "2026-07-04",
      "2026-07-05",
    ]);
  });

  it("calendar months tile a calendar-pattern fiscal quarter too", () => {
    expect(subPeriods(cal, "month", periodById(cal, "FY2027-Q4")).map((p) => p.id)).toEqual([
      "2027-01",
      "2027-02",
      "2027-03",
    ]);
  });

  it("a period of its own kind is its only sub-period", () => {
    const june = periodById(cal, "2026-06");
    expect(subPeriods(cal, "month", june)).toEqual([june]);
  });

  it("rejects kinds that do not tile the parent exactly", () => {
    expect(issueCode(() => subPeriods(cal, "week", periodById(cal, "2026-06")))).toBe("sub_periods_do_not_tile");
    expect(issueCode(() => subPeriods(cal, "quarter", periodById(cal, "2026-06")))).toBe("sub_periods_do_not_tile");
    expect(issueCode(() => subPeriods(cal, "year", periodById(cal, "FY2027")))).toBe("sub_periods_do_not_tile");
    // Calendar quarters do tile an April-March fiscal year.
    expect(subPeriods(cal, "quarter", periodById(cal, "FY2027")).map((p) => p.id)).toEqual([
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
    ]);
  });

  it("with clip, returns overlapping weeks cut to the parent and marked clipped", () => {
    const june = periodById(cal, "2026-06");
    const weeks = subPeriods(cal, "week", june, { clip: true });
    expect(weeks.map((w) => [w.id, w.startDate, w.endDate, w.clipped === true])).toEqual([
      ["2026-W23", "2026-06-01", "2026-06-08", false],
      ["2026-W24", "2026-06-08", "2026-06-15", false],
      ["2026-W25", "2026-06-15", "2026-06-22", false],
      ["2026-W26", "2026-06-22", "2026-06-29", false],
      ["2026-W27", "2026-06-29", "2026-07-01", true],
    ]);
    const last = weeks[4];
    if (last === undefined) throw new Error("expected five weeks");
    expect(last.end).toBe(june.end);
    expect(periodDays(last)).toBe(2);
    expect(Object.isFrozen(last)).toBe(true);
    // next/previous of a clipped period step from the whole week.
    expect(nextPeriod(cal, last).id).toBe("2026-W28");
    expect(previousPeriod(cal, last).id).toBe("2026-W26");
    expect(issueCode(() => nextPeriod(cal, { ...last, endDate: "2026-07-09" }))).toBe("invalid_period");
  });

  it("with clip, a kind longer than the parent gives the one clipped period around it", () => {
    const week = periodById(cal, "2026-W27");
    const months = subPeriods(cal, "month", week, { clip: true });
    expect(months.map((m) => [m.id, m.startDate, m.endDate])).toEqual([
      ["2026-06", "2026-06-29", "2026-07-01"],
      ["2026-07", "2026-07-01", "2026-07-06"],
    ]);
    expect(months.every((m) => m.clipped === true)).toBe(true);
  });

  it("rejects a parent from another zone or with a wrong kind", () => {
    const other = defineCalendar({ timeZone: "UTC" });
    expect(issueCode(() => subPeriods(other, "month", periodById(cal, "2026-Q3")))).toBe("time_zone_mismatch");
    expect(issueCode(() => subPeriods(cal, "minute" as "day", periodById(cal, "2026-Q3")))).toBe("invalid_period_kind");
  });
});
