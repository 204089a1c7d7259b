import { describe, expect, it } from "vitest";
import {
  ConcurrencyError,
  DomainRuleError,
  IdempotencyConflictError,
  isConcurrencyError,
  isDomainRuleError,
  isIdempotencyConflictError,
  isNotFoundError,
  isSalesfoldError,
  isValidationError,
  NotFoundError,
  SalesfoldError,
  ValidationError,
} from "../../../../src/index.ts";

const BRAND = Symbol.for("salesfold.error");

const guards = {
  isConcurrencyError,
  isDomainRuleError,
  isIdempotencyConflictError,
  isNotFoundError,
  isValidationError,
} as const;

const samples: readonly (readonly [string, SalesfoldError, keyof typeof guards | undefined])[] = [
  ["ConcurrencyError", new ConcurrencyError("s-1", 2, 3), "isConcurrencyError"],
  ["DomainRuleError", new DomainRuleError("goal_locked", "decideGoal: locked"), "isDomainRuleError"],
  [
    "IdempotencyConflictError",
    new IdempotencyConflictError("e-1", "with different content"),
    "isIdempotencyConflictError",
  ],
  ["NotFoundError", new NotFoundError("stream", "deal-9", "load: no stream"), "isNotFoundError"],
  ["ValidationError", new ValidationError("api", [{ code: "x", path: [], message: "m" }]), "isValidationError"],
  ["SalesfoldError(invalid_state)", new SalesfoldError("invalid_state", "runner: already running"), undefined],
];

describe("error guards", () => {
  it.each(samples)("%s is recognised by exactly its own guard", (_name, error, own) => {
    expect(isSalesfoldError(error)).toBe(true);
    for (const [guardName, guard] of Object.entries(guards)) expect(guard(error), guardName).toBe(guardName === own);
  });

  it.each(samples)("%s is a real Error with a stack and its own name", (name, error) => {
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SalesfoldError);
    expect(error.name).toBe(name.replace(/\(.*\)$/, ""));
    expect(typeof error.stack).toBe("string");
  });

  it("recognises an error from another copy of the package by its registered brand, not by instanceof", () => {
    // What a second installed copy (or the CJS build) throws: another class, the same registered symbol.
    class ForeignError extends Error {
      readonly [BRAND] = true;
      readonly code = "concurrency_conflict";
    }
    const foreign = new ForeignError("from another copy");
    expect(foreign).not.toBeInstanceOf(SalesfoldError);
    expect(isSalesfoldError(foreign)).toBe(true);
    expect(isConcurrencyError(foreign)).toBe(true);
    expect(isValidationError(foreign)).toBe(false);
    const plainObject = { [BRAND]: true, code: "not_found" };
    expect(isNotFoundError(plainObject)).toBe(true);
  });

  it("does not recognise look-alikes", () => {
    const withCode = Object.assign(new Error("x"), { code: "concurrency_conflict" });
    expect(isSalesfoldError(withCode)).toBe(false);
    expect(isConcurrencyError(withCode)).toBe(false);
    expect(isSalesfoldError({ [Symbol("salesfold.error")]: true, code: "not_found" })).toBe(false);
    expect(isSalesfoldError({ [BRAND]: "true", code: "not_found" })).toBe(false);
    expect(isSalesfoldError({ [BRAND]: 1, code: "not_found" })).toBe(false);
    expect(isSalesfoldError({ "salesfold.error": true, code: "not_found" })).toBe(false);
    for (const value of [undefined, null, 0, "", "validation_failed", () => undefined, new Error("plain")]) {
      expect(isSalesfoldError(value)).toBe(false);
      expect(isValidationError(value)).toBe(false);
    }
  });

  it("a branded value whose code is another one fails the specific guards", () => {
    const other = { [BRAND]: true, code: "currency_mismatch" };
    expect(isSalesfoldError(other)).toBe(true);
    for (const guard of Object.values(guards)) expect(guard(other)).toBe(false);
  });

  it("the brand is not an enumerable string key, so it does not leak into JSON", () => {
    const error = new ConcurrencyError("s", 1, 2);
    expect(Object.keys(error)).not.toContain("salesfold.error");
    expect((error as unknown as Record<symbol, unknown>)[BRAND]).toBe(true);
  });
});

describe("error fields and codes", () => {
  it("ConcurrencyError carries stream, expected and actual, and names the version in its message", () => {
    const error = new ConcurrencyError("deal-1", 4, 6);
    expect(error).toMatchObject({ code: "concurrency_conflict", streamId: "deal-1", expected: 4, actual: 6 });
    expect(error.message).toBe('EventStore.append: stream "deal-1" is at version 6, expected version 4');
    const keyword = new ConcurrencyError('a"b', "no_stream", 1);
    expect(keyword.message).toBe('EventStore.append: stream "a\\"b" is at version 1, expected no_stream');
  });

  it("DomainRuleError carries its rule and details, with empty details by default", () => {
    const error = new DomainRuleError("deal_already_closed", "decideDeal: closed", { dealId: "d-1" });
    expect(error).toMatchObject({
      code: "domain_rule_violated",
      rule: "deal_already_closed",
      details: { dealId: "d-1" },
    });
    expect(error.message).toBe("decideDeal: closed");
    expect(new DomainRuleError("r", "m").details).toEqual({});
  });

  it("IdempotencyConflictError names the event id", () => {
    const error = new IdempotencyConflictError("evt-1", 'in stream "other"');
    expect(error).toMatchObject({ code: "idempotency_conflict", eventId: "evt-1" });
    expect(error.message).toBe('EventStore.append: event id "evt-1" is already stored in stream "other"');
  });

  it("NotFoundError carries resource and id", () => {
    const error = new NotFoundError("stream", "deal-9", "load: missing");
    expect(error).toMatchObject({ code: "not_found", resource: "stream", id: "deal-9", message: "load: missing" });
  });

  it("SalesfoldError keeps the cause", () => {
    const cause = new Error("disk full");
    const error = new SalesfoldError("invalid_state", "store: failed", { cause });
    expect(error.cause).toBe(cause);
    expect(error.code).toBe("invalid_state");
  });
});
