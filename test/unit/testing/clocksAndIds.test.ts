import { describe, expect, it } from "vitest";
import {
  eventIdSchema,
  fixedClock,
  orderedIds,
  randomId,
  sequentialIds,
  steppingClock,
  systemClock,
} from "../../../src/index.ts";

describe("clocks", () => {
  it("fixedClock always answers the same instant, normalised to UTC with milliseconds", () => {
    const clock = fixedClock("2026-07-01T11:00:00+02:00");
    expect(clock.now()).toBe("2026-07-01T09:00:00.000Z");
    expect(clock.now()).toBe("2026-07-01T09:00:00.000Z");
    expect(fixedClock("2026-07-01T09:00:00.5Z").now()).toBe("2026-07-01T09:00:00.500Z");
    expect(Object.isFrozen(clock)).toBe(true);
  });

  it("steppingClock starts at its instant and moves by its step on every call", () => {
    const clock = steppingClock("2026-12-31T23:59:00-00:00", 30_000);
    expect([clock.now(), clock.now(), clock.now()]).toEqual([
      "2026-12-31T23:59:00.000Z",
      "2026-12-31T23:59:30.000Z",
      "2027-01-01T00:00:00.000Z",
    ]);
  });

  it("steppingClock steps by 1 ms by default, and each clock keeps its own time", () => {
    const a = steppingClock("2026-01-01T00:00:00.000Z");
    const b = steppingClock("2026-01-01T00:00:00.000Z");
    expect([a.now(), a.now()]).toEqual(["2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.001Z"]);
    expect(b.now()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("systemClock answers the current time as an ISO UTC string", () => {
    const before = Date.now();
    const now = systemClock.now();
    const after = Date.now();
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(now)).toBeLessThanOrEqual(after);
  });
});

describe("ids", () => {
  it("sequentialIds counts from 1 with a zero-padded suffix, per generator", () => {
    const a = sequentialIds("deal");
    const b = sequentialIds();
    expect([a(), a(), a()]).toEqual(["deal-000001", "deal-000002", "deal-000003"]);
    expect(b()).toBe("id-000001");
  });

  it("sequentialIds sort in creation order", () => {
    const next = sequentialIds("e");
    const ids = Array.from({ length: 2_000 }, () => next());
    expect([...ids].sort()).toEqual(ids);
  });

  it("randomId gives 21 URL-safe characters, valid as event ids, without repeats", () => {
    const ids = Array.from({ length: 5_000 }, () => randomId());
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
      expect(eventIdSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // Across 105,000 characters every one of the 64 symbols shows up: the alphabet is the whole URL-safe set.
    expect(new Set(ids.join("")).size).toBe(64);
  });

  it("orderedIds sort in creation order within a generator, and two generators never share an id", () => {
    const first = orderedIds();
    const second = orderedIds();
    const a = Array.from({ length: 5_000 }, () => first());
    const b = Array.from({ length: 5_000 }, () => second());
    for (const id of [...a, ...b]) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
      expect(eventIdSchema.safeParse(id).success).toBe(true);
    }
    expect([...a].sort()).toEqual(a);
    expect([...b].sort()).toEqual(b);
    expect(new Set([...a, ...b]).size).toBe(10_000);
    // One generator's ids share their 12-character prefix; another generator draws its own.
    expect(new Set(a.map((id) => id.slice(0, 12))).size).toBe(1);
    expect(a[0]!.slice(0, 12)).not.toBe(b[0]!.slice(0, 12));
    // The last three characters are random, so the next id cannot be read off the last one.
    expect(new Set(a.map((id) => id.slice(18))).size).toBeGreaterThan(4_000);
  });
});
