import { describe, expect, it } from "vitest";
import { isValidationError, type ValidationError } from "../../../../src/core/errors/index.ts";
import { type CalendarOptions, defineCalendar, isCalendar } from "../../../../src/core/periods/index.ts";

function rejection(options: unknown): ValidationError {
  try {
    defineCalendar(options as CalendarOptions);
  } catch (error) {
    if (isValidationError(error)) return error as ValidationError;
    throw error;
  }
  throw new Error("expected defineCalendar to throw");
}

describe("defineCalendar", () => {
  it("fills defaults and freezes", () => {
    const cal = defineCalendar({ timeZone: "Europe/Berlin" });
    expect(cal).toEqual({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
    expect(Object.isFrozen(cal)).toBe(true);
    expect(isCalendar(cal)).toBe(true);
  });

  it("fills fiscal defaults per pattern", () => {
    expect(defineCalendar({ timeZone: "UTC", fiscal: {} }).fiscal).toEqual({
      startMonth: 1,
      pattern: "calendar",
      yearNamedBy: "end",
    });
    const retail = defineCalendar({ timeZone: "UTC", weekStartsOn: 0, fiscal: { startMonth: 2, pattern: "4-5-4" } });
    expect(retail.fiscal).toEqual({ startMonth: 2, pattern: "4-5-4", weekEndRule: "last", yearNamedBy: "end" });
    expect(Object.isFrozen(retail.fiscal)).toBe(true);
  });

  it("does not recognise look-alike objects as calendars", () => {
    expect(isCalendar({ timeZone: "UTC", weekStartsOn: 1 })).toBe(false);
    expect(isCalendar(null)).toBe(false);
  });

  it.each([
    [{ timeZone: "Not/AZone" }, "invalid_time_zone", ["timeZone"]],
    [{ timeZone: 5 }, "invalid_type", ["timeZone"]],
    [{}, "invalid_type", ["timeZone"]],
    [{ timeZone: "UTC", weekStartsOn: 7 }, "too_big", ["weekStartsOn"]],
    [{ timeZone: "UTC", weekStartsOn: 1.5 }, "invalid_type", ["weekStartsOn"]],
    [{ timeZone: "UTC", fiscal: { startMonth: 13 } }, "too_big", ["fiscal", "startMonth"]],
    [{ timeZone: "UTC", fiscal: { startMonth: 0 } }, "too_small", ["fiscal", "startMonth"]],
    [{ timeZone: "UTC", fiscal: { pattern: "4-4-4" } }, "invalid_value", ["fiscal", "pattern"]],
    [{ timeZone: "UTC", fiscal: { yearNamedBy: "middle" } }, "invalid_value", ["fiscal", "yearNamedBy"]],
    [{ timeZone: "UTC", colour: "red" }, "unrecognized_keys", ["colour"]],
    [
      { timeZone: "UTC", fiscal: { weekEndRule: "last" } },
      "week_end_rule_requires_retail_pattern",
      ["fiscal", "weekEndRule"],
    ],
  ])("rejects %j with %s", (options, code, path) => {
    const error = rejection(options);
    expect(error.api).toBe("defineCalendar");
    expect(error.issues[0]?.code).toBe(code);
    expect(error.issues[0]?.path).toEqual(path);
  });
});
