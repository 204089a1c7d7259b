import { describe, expect, it } from "vitest";
import { isValidationError } from "../../../../src/core/errors/index.ts";
import {
  defineCalendar,
  nextPeriod,
  periodById,
  periodContaining,
  periodDays,
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

const weeks = (p: Parameters<typeof periodDays>[0]) => periodDays(p) / 7;

describe("calendar-month fiscal years", () => {
  const byEnd = defineCalendar({ timeZone: "Europe/Berlin", fiscal: { startMonth: 7 } });
  const byStart = defineCalendar({ timeZone: "Europe/Berlin", fiscal: { startMonth: 7, yearNamedBy: "start" } });
  const january = defineCalendar({ timeZone: "UTC", fiscal: { startMonth: 1, yearNamedBy: "start" } });

  it("names a July-June year by its end by default", () => {
    const fy = periodById(byEnd, "FY2027");
    expect([fy.startDate, fy.endDate]).toEqual(["2026-07-01", "2027-07-01"]);
    expect(fy.start).toBe("2026-06-30T22:00:00.000Z");
    expect(periodContaining(byEnd, "fiscal_year", "2027-06-30").id).toBe("FY2027");
    expect(periodContaining(byEnd, "fiscal_year", "2027-07-01").id).toBe("FY2028");
  });

  it("or by its start", () => {
    const fy = periodById(byStart, "FY2026");
    expect([fy.startDate, fy.endDate]).toEqual(["2026-07-01", "2027-07-01"]);
  });

  it("a January start is the calendar year under either naming", () => {
    expect(periodById(january, "FY2026").startDate).toBe("2026-01-01");
    expect(periodById(january, "FY2026").endDate).toBe("2027-01-01");
  });

  it("has quarters of three calendar months and months numbered from the start month", () => {
    expect(periodById(byEnd, "FY2027-Q1").startDate).toBe("2026-07-01");
    expect(periodById(byEnd, "FY2027-Q3").startDate).toBe("2027-01-01");
    expect(periodById(byEnd, "FY2027-Q3").endDate).toBe("2027-04-01");
    expect(periodById(byEnd, "FY2027-P01").startDate).toBe("2026-07-01");
    expect(periodById(byEnd, "FY2027-P07").startDate).toBe("2027-01-01");
    expect(periodById(byEnd, "FY2027-P12").endDate).toBe("2027-07-01");
    expect(periodContaining(byEnd, "fiscal_month", "2027-02-14").id).toBe("FY2027-P08");
    expect(periodContaining(byEnd, "fiscal_quarter", "2026-12-31").id).toBe("FY2027-Q2");
  });

  it("has fiscal weeks aligned to weekStartsOn, the first and last cut to the year", () => {
    // 2026-07-01 is a Wednesday: week 1 is Wed-Sun, week 2 starts on Monday 6 July.
    expect(periodById(byEnd, "FY2027-W01").endDate).toBe("2026-07-06");
    expect(periodById(byEnd, "FY2027-W02").startDate).toBe("2026-07-06");
    const last = periodById(byEnd, "FY2027-W53");
    expect([last.startDate, last.endDate]).toEqual(["2027-06-28", "2027-07-01"]);
    expect(issueCode(() => periodById(byEnd, "FY2027-W54"))).toBe("period_does_not_exist");
    expect(subPeriods(byEnd, "fiscal_week", periodById(byEnd, "FY2027"))).toHaveLength(53);
  });
});

describe("NRF 4-5-4 retail calendar", () => {
  // NRF: weeks run Sunday-Saturday; the year ends on the Saturday nearest 31 January; fiscal 2023 ran
  // 29 January 2023 - 3 February 2024 and had 53 weeks; earlier 53-week years were 2012 and 2017.
  const nrf = defineCalendar({
    timeZone: "America/New_York",
    weekStartsOn: 0,
    fiscal: { startMonth: 2, pattern: "4-5-4", weekEndRule: "nearest", yearNamedBy: "start" },
  });

  it("fiscal 2023 began 29 January 2023 and ended 3 February 2024 after 53 weeks", () => {
    const fy = periodById(nrf, "FY2023");
    expect(fy.startDate).toBe("2023-01-29");
    expect(fy.endDate).toBe("2024-02-04");
    expect(fy.start).toBe("2023-01-29T05:00:00.000Z");
    expect(weeks(fy)).toBe(53);
    expect(periodContaining(nrf, "fiscal_year", "2024-02-03").id).toBe("FY2023");
    expect(nextPeriod(nrf, fy).startDate).toBe("2024-02-04");
  });

  it("has 53 weeks in 2012, 2017 and 2023 and 52 in the years between", () => {
    const long = [];
    for (let y = 2010; y <= 2024; y++) if (weeks(periodById(nrf, `FY${y}`)) === 53) long.push(y);
    expect(long).toEqual([2012, 2017, 2023]);
  });

  it("splits quarters 4-5-4 and gives the 53rd week to the last month", () => {
    const months = subPeriods(nrf, "fiscal_month", periodById(nrf, "FY2023"));
    expect(months.map(weeks)).toEqual([4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 5]);
    expect(months[0]?.startDate).toBe("2023-01-29");
    expect(months[1]?.startDate).toBe("2023-02-26");
    expect(months[11]?.id).toBe("FY2023-P12");
    expect(months[11]?.endDate).toBe("2024-02-04");
    const quarters = subPeriods(nrf, "fiscal_quarter", periodById(nrf, "FY2023"));
    expect(quarters.map(weeks)).toEqual([13, 13, 13, 14]);
    expect(subPeriods(nrf, "fiscal_month", periodById(nrf, "FY2024")).map(weeks)).toEqual([
      4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4,
    ]);
  });

  it("numbers fiscal weeks 1..53 from the year start", () => {
    expect(periodById(nrf, "FY2023-W01").startDate).toBe("2023-01-29");
    expect(periodById(nrf, "FY2023-W53").startDate).toBe("2024-01-28");
    expect(periodContaining(nrf, "fiscal_week", "2023-02-05").id).toBe("FY2023-W02");
    expect(issueCode(() => periodById(nrf, "FY2024-W53"))).toBe("period_does_not_exist");
    expect(subPeriods(nrf, "week", periodById(nrf, "FY2023-P01")).map((w) => w.startDate)).toEqual([
      "2023-01-29",
      "2023-02-05",
      "2023-02-12",
      "2023-02-19",
    ]);
  });
});

describe("52/53-week year ending on the last Saturday of September (Apple's year end)", () => {
  // Apple's fiscal 2022 ended 24 September 2022 and fiscal 2023 ended 30 September 2023 (53 weeks).
  const cal = defineCalendar({
    timeZone: "America/Los_Angeles",
    weekStartsOn: 0,
    fiscal: { startMonth: 10, pattern: "4-4-5", weekEndRule: "last" },
  });

  it("FY2023 runs 25 September 2022 to 30 September 2023", () => {
    const fy = periodById(cal, "FY2023");
    expect([fy.startDate, fy.endDate]).toEqual(["2022-09-25", "2023-10-01"]);
    expect(weeks(fy)).toBe(53);
    expect(periodById(cal, "FY2022").endDate).toBe("2022-09-25");
    expect(periodById(cal, "FY2024").endDate).toBe("2024-09-29");
  });

  it("splits 4-4-5", () => {
    expect(subPeriods(cal, "fiscal_month", periodById(cal, "FY2024-Q1")).map(weeks)).toEqual([4, 4, 5]);
  });

  it("5-4-4 puts the long month first", () => {
    const c544 = defineCalendar({ timeZone: "UTC", fiscal: { startMonth: 1, pattern: "5-4-4" } });
    expect(subPeriods(c544, "fiscal_month", periodById(c544, "FY2026-Q2")).map(weeks)).toEqual([5, 4, 4]);
  });

  it("'last' and 'nearest' differ when the month ends early in the week", () => {
    // 31 December 2026 is a Thursday; with Monday weeks the year ends on a Sunday.
    const last = defineCalendar({ timeZone: "UTC", fiscal: { pattern: "4-4-5", weekEndRule: "last" } });
    const nearest = defineCalendar({ timeZone: "UTC", fiscal: { pattern: "4-4-5", weekEndRule: "nearest" } });
    expect(periodById(last, "FY2026").endDate).toBe("2026-12-28");
    expect(periodById(nearest, "FY2026").endDate).toBe("2027-01-04");
  });
});
