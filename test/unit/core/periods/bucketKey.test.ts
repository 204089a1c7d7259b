import { tzOffset } from "@date-fns/tz";
import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { isValidationError } from "../../../../src/core/errors/index.ts";
import {
  bucketKey,
  calendarDateOf,
  defineCalendar,
  PERIOD_KINDS,
  periodContaining,
  periodOf,
} from "../../../../src/core/periods/index.ts";
import { arbCalendar, arbInstant } from "../../../../src/testing/arbitraries/periods.ts";

vi.mock("@date-fns/tz", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@date-fns/tz")>();
  return { ...actual, tzOffset: vi.fn(actual.tzOffset) };
});

const offsetCalls = vi.mocked(tzOffset);

describe("bucketKey", () => {
  beforeEach(() => {
    offsetCalls.mockClear();
  });

  it("returns the id of the containing period", () => {
    const berlin = defineCalendar({ timeZone: "Europe/Berlin", fiscal: { startMonth: 7 } });
    expect(bucketKey(berlin, "month", "2026-06-30T22:30:00Z")).toBe("2026-07");
    expect(bucketKey(berlin, "month", "2026-06-30T21:59:59.999Z")).toBe("2026-06");
    expect(bucketKey(berlin, "fiscal_quarter", "2026-06-30T22:00:00Z")).toBe("FY2027-Q1");
    expect(bucketKey(berlin, "week", Date.UTC(2026, 5, 30))).toBe("2026-W27");
  });

  it("does no zone arithmetic while instants stay in the remembered period", () => {
    const cal = defineCalendar({ timeZone: "America/New_York" });
    const start = Date.UTC(2026, 5, 1, 4);
    expect(bucketKey(cal, "month", start)).toBe("2026-06");
    offsetCalls.mockClear();
    for (let i = 0; i < 10_000; i++) {
      expect(bucketKey(cal, "month", start + i * 250_000)).toBe("2026-06");
    }
    expect(offsetCalls).not.toHaveBeenCalled();
    expect(bucketKey(cal, "month", Date.UTC(2026, 6, 1, 4))).toBe("2026-07");
    expect(offsetCalls).toHaveBeenCalled();
  });

  it("remembers several recent periods, so instants going back and forth between them need no zone arithmetic", () => {
    const cal = defineCalendar({ timeZone: "Asia/Shanghai" });
    const months = Array.from({ length: 9 }, (_, m) => Date.UTC(2026, m, 15));
    for (const ms of months) bucketKey(cal, "month", ms);
    offsetCalls.mockClear();
    for (let i = 0; i < 2_000; i++) {
      const m = (i * 5) % 9;
      expect(bucketKey(cal, "month", months[m]! + (i % 7) * 3_600_000)).toBe(`2026-${String(m + 1).padStart(2, "0")}`);
    }
    expect(offsetCalls).not.toHaveBeenCalled();
    // Past the limit of what is remembered, answers stay right.
    for (let d = 0; d < 200; d++) {
      const ms = Date.UTC(2026, 0, 1) + ((d * 37) % 200) * 86_400_000;
      expect(bucketKey(cal, "day", ms)).toBe(calendarDateOf(ms, "Asia/Shanghai"));
    }
  });

  it("keeps one remembered period per calendar and kind", () => {
    const a = defineCalendar({ timeZone: "Asia/Kolkata" });
    const b = defineCalendar({ timeZone: "Pacific/Chatham" });
    const instant = "2026-06-30T18:45:00Z";
    expect(bucketKey(a, "day", instant)).toBe("2026-07-01");
    expect(bucketKey(b, "day", instant)).toBe("2026-07-01");
    expect(bucketKey(a, "year", instant)).toBe("2026");
    expect(bucketKey(a, "day", "2026-06-30T18:29:00Z")).toBe("2026-06-30");
    expect(bucketKey(b, "day", "2026-06-30T11:14:00Z")).toBe("2026-06-30");
  });

  it("validates its arguments even when a period is remembered", () => {
    const cal = defineCalendar({ timeZone: "UTC" });
    bucketKey(cal, "day", 0);
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isValidationError(error) ? error.issues[0]?.code : "other";
      }
      return undefined;
    };
    expect(code(() => bucketKey(cal, "day", "1970-01-01"))).toBe("invalid_instant");
    expect(code(() => bucketKey(cal, "decade" as "year", 0))).toBe("invalid_period_kind");
    expect(code(() => bucketKey({ timeZone: "UTC", weekStartsOn: 1 }, "day", 0))).toBe("invalid_calendar");
  });

  it("equals the id of the period containing the local date, in any order of instants (property)", () => {
    fc.assert(
      fc.property(
        arbCalendar({ fiscal: true }),
        fc.array(fc.tuple(fc.constantFrom(...PERIOD_KINDS), arbInstant()), { minLength: 1, maxLength: 30 }),
        (cal, events) => {
          for (const [kind, instant] of events) {
            const expected = periodContaining(cal, kind, calendarDateOf(instant, cal.timeZone)).id;
            expect(bucketKey(cal, kind, instant)).toBe(expected);
            expect(periodOf(cal, kind, instant).id).toBe(expected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
