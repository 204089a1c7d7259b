import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidationError } from "../../../../src/core/errors/index.ts";
import { calendarDateOf, isTimeZone, toEpochMilliseconds, toIsoInstant } from "../../../../src/core/periods/index.ts";
import { arbInstant, arbTimeZone } from "../../../../src/testing/arbitraries/periods.ts";

function issueCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isValidationError(error)) return error.issues[0]?.code;
    throw error;
  }
  return undefined;
}

describe("instants", () => {
  it("accepts ISO strings with Z or an offset, epoch milliseconds and Dates", () => {
    expect(toIsoInstant("2026-07-01T00:00:00+08:00")).toBe("2026-06-30T16:00:00.000Z");
    expect(toIsoInstant("2026-07-01T00:00+0530")).toBe("2026-06-30T18:30:00.000Z");
    expect(toIsoInstant("2026-06-30T16:00:00.1234Z")).toBe("2026-06-30T16:00:00.123Z");
    expect(toIsoInstant("2026-01-01T00:00:00-03:30")).toBe("2026-01-01T03:30:00.000Z");
    expect(toIsoInstant(0)).toBe("1970-01-01T00:00:00.000Z");
    expect(toIsoInstant(new Date(Date.UTC(2026, 5, 30, 16)))).toBe("2026-06-30T16:00:00.000Z");
    expect(toEpochMilliseconds("1970-01-01T01:00:00+01:00")).toBe(0);
  });

  it.each([
    ["2026-02-30T00:00:00Z"],
    ["2026-06-30T24:00:00Z"],
    ["2026-06-30T12:00:60Z"],
    ["2026-06-30T12:60:00Z"],
    ["2026-06-30T12:00:00"],
    ["2026-06-30"],
    ["June 30, 2026"],
    ["2026-06-30T12:00:00+25:00"],
  ])("rejects %s as invalid_instant", (value) => {
    expect(issueCode(() => toEpochMilliseconds(value))).toBe("invalid_instant");
  });

  it("returns a string already in its own form as it is, and formats any other", () => {
    const canonical = "2026-06-30T16:00:00.000Z";
    expect(toIsoInstant(canonical)).toBe(canonical);
    expect(toIsoInstant("2026-06-30T16:00:00Z")).toBe(canonical);
    expect(issueCode(() => toIsoInstant("2026-02-30T16:00:00.000Z"))).toBe("invalid_instant");
    expect(issueCode(() => toIsoInstant("0000-06-30T16:00:00.000Z"))).toBe("instant_out_of_range");
  });

  it("gives the same answers when the same strings come again, alternating, or turn invalid", () => {
    const a = "2026-06-30T16:00:00.000Z";
    const b = "2026-07-01T00:00:00+08:00";
    const c = "2026-07-02T00:00:00.000Z";
    for (let i = 0; i < 5; i++) {
      expect(toEpochMilliseconds(a)).toBe(Date.parse(a));
      expect(toEpochMilliseconds(b)).toBe(Date.parse(b));
      expect(toEpochMilliseconds(`${a.slice(0, 23)}Z`)).toBe(Date.parse(a));
      expect(toEpochMilliseconds(c)).toBe(Date.parse(c));
      expect(issueCode(() => toEpochMilliseconds("2026-02-30T00:00:00.000Z"))).toBe("invalid_instant");
      expect(issueCode(() => toEpochMilliseconds("0000-01-01T00:00:00.000Z"))).toBe("instant_out_of_range");
    }
  });

  it("rejects non-integer numbers, invalid Dates and other values", () => {
    expect(issueCode(() => toEpochMilliseconds(1.5))).toBe("invalid_instant");
    expect(issueCode(() => toEpochMilliseconds(Number.NaN))).toBe("invalid_instant");
    expect(issueCode(() => toEpochMilliseconds(new Date(Number.NaN)))).toBe("invalid_instant");
    expect(issueCode(() => toEpochMilliseconds({} as unknown as string))).toBe("invalid_instant");
    expect(issueCode(() => toEpochMilliseconds(8.64e15))).toBe("instant_out_of_range");
  });

  it("parses like Date.parse for valid ISO strings (property)", () => {
    fc.assert(
      fc.property(arbInstant(), (iso) => {
        expect(toEpochMilliseconds(iso)).toBe(Date.parse(iso));
      }),
    );
  });
});

describe("isTimeZone", () => {
  it("tries the zone", () => {
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});

describe("calendarDateOf", () => {
  it("gives the local date of an instant", () => {
    expect(calendarDateOf("2026-06-30T16:00:00Z", "Asia/Shanghai")).toBe("2026-07-01");
    expect(calendarDateOf("2026-06-30T15:59:59.999Z", "Asia/Shanghai")).toBe("2026-06-30");
    expect(calendarDateOf("2026-06-30T18:29:59.999Z", "Asia/Kolkata")).toBe("2026-06-30");
    expect(calendarDateOf("2026-06-30T18:30:00Z", "Asia/Kolkata")).toBe("2026-07-01");
    // Chatham is +12:45 in the southern winter and +13:45 in summer.
    expect(calendarDateOf("2026-06-30T11:15:00Z", "Pacific/Chatham")).toBe("2026-07-01");
    expect(calendarDateOf("2026-06-30T11:14:59.999Z", "Pacific/Chatham")).toBe("2026-06-30");
    expect(calendarDateOf("2026-01-14T10:15:00Z", "Pacific/Chatham")).toBe("2026-01-15");
    expect(calendarDateOf("2026-03-08T04:59:59Z", "America/New_York")).toBe("2026-03-07");
    expect(calendarDateOf("2026-03-08T05:00:00Z", "America/New_York")).toBe("2026-03-08");
  });

  it("rejects bad zones and instants", () => {
    expect(issueCode(() => calendarDateOf("2026-06-30T16:00:00Z", "Nowhere/City"))).toBe("invalid_time_zone");
    expect(issueCode(() => calendarDateOf("2026-06-30", "UTC"))).toBe("invalid_instant");
  });

  it("agrees with Intl's wall calendar (property)", () => {
    fc.assert(
      fc.property(arbInstant(), arbTimeZone(), (iso, tz) => {
        const parts = new Intl.DateTimeFormat("en-CA", {
          timeZone: tz,
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
        }).format(new Date(iso));
        expect(calendarDateOf(iso, tz)).toBe(parts);
      }),
    );
  });
});
