import { describe, expect, it } from "vitest";
import {
  defineCalendar,
  periodById,
  periodContains,
  periodDays,
  periodOf,
  subPeriods,
} from "../../../../src/core/periods/index.ts";

const hours = (p: { start: string; end: string }) => (Date.parse(p.end) - Date.parse(p.start)) / 3_600_000;

describe("daylight saving time", () => {
  const newYork = defineCalendar({ timeZone: "America/New_York" });
  const berlin = defineCalendar({ timeZone: "Europe/Berlin" });

  it("New York: 8 March 2026 is 23 hours, 1 November 2026 is 25 hours, both one day", () => {
    const spring = periodById(newYork, "2026-03-08");
    expect(spring.start).toBe("2026-03-08T05:00:00.000Z");
    expect(spring.end).toBe("2026-03-09T04:00:00.000Z");
    expect(hours(spring)).toBe(23);
    expect(periodDays(spring)).toBe(1);
    const autumn = periodById(newYork, "2026-11-01");
    expect(autumn.start).toBe("2026-11-01T04:00:00.000Z");
    expect(autumn.end).toBe("2026-11-02T05:00:00.000Z");
    expect(hours(autumn)).toBe(25);
    expect(periodDays(autumn)).toBe(1);
  });

  it("New York: the repeated 01:00 hour of 1 November belongs to that day", () => {
    expect(periodOf(newYork, "day", "2026-11-01T01:30:00-04:00").id).toBe("2026-11-01");
    expect(periodOf(newYork, "day", "2026-11-01T01:30:00-05:00").id).toBe("2026-11-01");
    expect(periodOf(newYork, "day", "2026-11-01T23:59:59-05:00").id).toBe("2026-11-01");
  });

  it("Berlin: March 2026 has 31 days though it is an hour short", () => {
    const march = periodById(berlin, "2026-03");
    expect(march.start).toBe("2026-02-28T23:00:00.000Z");
    expect(march.end).toBe("2026-03-31T22:00:00.000Z");
    expect(periodDays(march)).toBe(31);
    expect(hours(march)).toBe(31 * 24 - 1);
    const days = subPeriods(berlin, "day", march);
    expect(days).toHaveLength(31);
    expect(days.map(hours).filter((h) => h !== 24)).toEqual([23]);
    expect(days.find((d) => hours(d) === 23)?.id).toBe("2026-03-29");
  });

  it("Berlin: the week of the October change is 169 hours and seven days", () => {
    const week = periodById(berlin, "2026-W43");
    expect(week.startDate).toBe("2026-10-19");
    expect(week.endDate).toBe("2026-10-26");
    expect(hours(week)).toBe(169);
    expect(periodDays(week)).toBe(7);
    expect(periodContains(week, "2026-10-25T02:30:00+01:00")).toBe(true);
    expect(periodContains(week, "2026-10-26T00:00:00+01:00")).toBe(false);
  });

  it("Asia/Kolkata (+05:30) and Pacific/Chatham (+12:45/+13:45) bound days at local midnight", () => {
    const kolkata = defineCalendar({ timeZone: "Asia/Kolkata" });
    expect(periodById(kolkata, "2026-06-30").start).toBe("2026-06-29T18:30:00.000Z");
    const chatham = defineCalendar({ timeZone: "Pacific/Chatham" });
    expect(periodById(chatham, "2026-06-30").start).toBe("2026-06-29T11:15:00.000Z");
    expect(periodById(chatham, "2026-01-15").start).toBe("2026-01-14T10:15:00.000Z");
    // Chatham leaves DST on the first Sunday of April (5 April 2026): that day is 25 hours long.
    const april5 = periodById(chatham, "2026-04-05");
    expect(hours(april5)).toBe(25);
    expect(periodDays(april5)).toBe(1);
  });

  it("Havana skips midnight when DST starts: the day starts at 01:00 local", () => {
    const havana = defineCalendar({ timeZone: "America/Havana" });
    const day = periodById(havana, "2026-03-08");
    expect(day.start).toBe("2026-03-08T05:00:00.000Z");
    expect(periodById(havana, "2026-03-07").end).toBe(day.start);
    expect(hours(day)).toBe(23);
  });

  it("Apia skipped 30 December 2011: that day is an empty period and instants go to the 31st", () => {
    const apia = defineCalendar({ timeZone: "Pacific/Apia" });
    const skipped = periodById(apia, "2011-12-30");
    expect(skipped.start).toBe(skipped.end);
    expect(periodDays(skipped)).toBe(1);
    expect(periodOf(apia, "day", skipped.start).id).toBe("2011-12-31");
    expect(periodOf(apia, "day", Date.parse(skipped.start) - 1).id).toBe("2011-12-29");
  });
});
