import { describe, expect, it } from "vitest";
import { _copyJson } from "../../../src/customers/projections/copyJson.ts";

describe("_copyJson", () => {
  it("copies event data deeply and mutably, as structuredClone does", () => {
    const data = Object.freeze({
      channels: Object.freeze(["email", "phone"]),
      quiet: Object.freeze({ from: "22:00", to: Object.freeze({ h: 7, m: [0, null] }) }),
      optIn: true,
      n: 3,
      none: null,
    });
    const copy = _copyJson(data);
    expect(copy).toEqual(structuredClone(data));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(data));
    expect(copy).not.toBe(data);
    expect(copy.quiet.to).not.toBe(data.quiet.to);
    expect(Object.isFrozen(copy) || Object.isFrozen(copy.channels) || Object.isFrozen(copy.quiet.to.m)).toBe(false);
    (copy.channels as string[]).push("sms");
    expect(data.channels).toEqual(["email", "phone"]);
    expect(_copyJson("x")).toBe("x");
    expect(_copyJson([])).toEqual([]);
  });

  it("keeps a __proto__ key as data, not as the prototype", () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const copy = _copyJson(data);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(copy).toEqual(structuredClone(data));
  });
});
