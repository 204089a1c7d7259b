import { describe, expect, it } from "vitest";
import {
  assertExpectedVersion,
  ConcurrencyError,
  type EventEnvelope,
  type ExpectedVersion,
  isIdempotencyConflictError,
  isValidationError,
  matchesExpectedVersion,
  parseReadAllOptions,
  parseReadStreamOptions,
  type PreparedEvent,
  resolveIdempotentAppend,
  validateAppend,
} from "../../../../src/index.ts";
import { thrown } from "../events/assertions.ts";
import { noted, storeCatalog } from "./fixtures.ts";

describe("validateAppend", () => {
  it("returns the prepared events with expectedVersion any by default", () => {
    const request = validateAppend("S.append", storeCatalog, "s-1", [noted(1)], undefined);
    expect(request).toMatchObject({
      streamId: "s-1",
      expectedVersion: "any",
      events: [{ type: "Noted", data: { n: 1 } }],
    });
    expect(validateAppend("S.append", storeCatalog, "s-1", [], { expectedVersion: 0 }).expectedVersion).toBe(0);
  });

  it("reports stream id, options and event problems together, each under its own path", () => {
    const error = thrown(() =>
      validateAppend(
        "S.append",
        storeCatalog,
        "",
        [
          { type: "Nope", data: {} },
          { type: "Noted", data: { n: "1" } },
        ],
        {
          expectedVersion: -1,
        },
      ),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("S.append");
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ["streamId"],
      ["options", "expectedVersion"],
      ["events", 0, "type"],
      ["events", 1, "data", "n"],
    ]);
  });

  it("prefixes event issues with events on the fast path too", () => {
    const error = thrown(() =>
      validateAppend("S.append", storeCatalog, "s", [noted(1), { type: "Noted", data: {} }], {}),
    );
    expect(error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([["events", 1, "data", "n"]]);
  });

  it.each([
    ["a non-array batch", "s", { type: "Noted" }, undefined, ["events"]],
    ["an unknown option", "s", [], { expectedVersion: 1, lock: true }, ["options"]],
    ["a fractional version", "s", [], { expectedVersion: 1.5 }, ["options", "expectedVersion"]],
    ["an unknown keyword", "s", [], { expectedVersion: "latest" }, ["options", "expectedVersion"]],
    ["options that are not an object", "s", [], "any", ["options"]],
    ["a NUL in the stream id", "a\u0000b", [], undefined, ["streamId"]],
    ["a stream id that is not a string", 42, [], undefined, ["streamId"]],
    ["a stream id over 1,000 characters", "x".repeat(1001), [], undefined, ["streamId"]],
  ])("rejects %s", (_label, streamId, events, options, path) => {
    const error = thrown(() => validateAppend("S.append", storeCatalog, streamId, events, options));
    expect(error.issues[0].path).toEqual(path);
  });

  it("lets an error that is not a validation error through unchanged", () => {
    const boom = new Error("schema blew up");
    const catalog = {
      ...storeCatalog,
      prepare: () => {
        throw boom;
      },
    };
    expect(thrown(() => validateAppend("S.append", catalog, "s", [], undefined))).toBe(boom);
    expect(thrown(() => validateAppend("S.append", catalog, "", [], undefined))).toBe(boom);
  });
});

describe("expected versions", () => {
  it.each([
    ["any", 0, true],
    ["any", 7, true],
    ["no_stream", 0, true],
    ["no_stream", 1, false],
    ["stream_exists", 0, false],
    ["stream_exists", 1, true],
    [0, 0, true],
    [0, 1, false],
    [3, 3, true],
    [3, 4, false],
  ] as const)("expectation %j at version %i holds: %s", (expected, actual, holds) => {
    expect(matchesExpectedVersion(expected as ExpectedVersion, actual)).toBe(holds);
    const error = holds ? undefined : thrown(() => assertExpectedVersion("s", expected as ExpectedVersion, actual));
    if (holds) expect(() => assertExpectedVersion("s", expected as ExpectedVersion, actual)).not.toThrow();
    else expect(error).toEqual(new ConcurrencyError("s", expected as ExpectedVersion, actual));
  });
});

describe("resolveIdempotentAppend", () => {
  const prepared = (id: string, n: number, occurredAt?: string): PreparedEvent => ({
    type: "Noted",
    data: { n },
    eventId: id,
    occurredAt,
    metadata: { schemaVersion: 1 },
  });
  const stored = (id: string, n: number, streamVersion: number, streamId = "s"): EventEnvelope => ({
    type: "Noted",
    data: { n },
    metadata: { schemaVersion: 1 },
    eventId: id,
    streamId,
    streamVersion,
    globalPosition: streamVersion + 10,
    occurredAt: "2026-01-01T00:00:00.000Z",
    recordedAt: "2026-01-01T00:00:00.000Z",
    tenantId: "default",
  });

  it("returns undefined when no id is stored", () => {
    expect(resolveIdempotentAppend("s", [prepared("a", 1)], [undefined])).toBeUndefined();
  });

  it("returns the original result for the same events in the same order", () => {
    const a = stored("a", 1, 4);
    const b = stored("b", 2, 5);
    const result = resolveIdempotentAppend(
      "s",
      [prepared("a", 1), prepared("b", 2, "2026-01-01T00:00:00.000Z")],
      [a, b],
    );
    expect(result).toEqual({ streamId: "s", nextExpectedVersion: 5, lastPosition: 15, events: [a, b] });
    expect(Object.isFrozen(result)).toBe(true);
  });

  it.each([
    ["a partial replay", [prepared("a", 1), prepared("b", 2)], [stored("a", 1, 1), undefined], "absent"],
    ["another stream", [prepared("a", 1)], [stored("a", 1, 1, "other")], 'in stream "other"'],
    ["another order", [prepared("a", 1), prepared("b", 2)], [stored("a", 1, 2), stored("b", 2, 1)], "another position"],
    ["a gap", [prepared("a", 1), prepared("b", 2)], [stored("a", 1, 1), stored("b", 2, 3)], "another position"],
    ["other data", [prepared("a", 9)], [stored("a", 1, 1)], "different content"],
    [
      "another occurrence time",
      [prepared("a", 1, "2026-02-02T00:00:00.000Z")],
      [stored("a", 1, 1)],
      "different content",
    ],
  ] as const)("rejects %s", (_label, events, found, detail) => {
    const error = thrown(() => resolveIdempotentAppend("s", events, found));
    expect(isIdempotencyConflictError(error)).toBe(true);
    expect(error.message).toContain(detail);
  });

  it("rejects other metadata", () => {
    const withActor = { ...prepared("a", 1), metadata: { schemaVersion: 1, actor: "ana" } };
    expect(
      isIdempotencyConflictError(thrown(() => resolveIdempotentAppend("s", [withActor], [stored("a", 1, 1)]))),
    ).toBe(true);
  });
});

describe("read options", () => {
  it("defaults the direction and the position", () => {
    expect(parseReadStreamOptions("R", undefined)).toEqual({
      direction: "forwards",
      fromVersion: undefined,
      toVersion: undefined,
      maxCount: undefined,
    });
    expect(parseReadAllOptions("R", {})).toEqual({ after: 0, limit: undefined, types: undefined });
  });

  it.each([
    [{ fromVersion: -1 }, ["options", "fromVersion"]],
    [{ maxCount: 1.5 }, ["options", "maxCount"]],
    [{ direction: "sideways" }, ["options", "direction"]],
    [{ from: 1 }, ["options"]],
  ])("rejects readStream options %j", (options, path) => {
    const error = thrown(() => parseReadStreamOptions("S.readStream", options));
    expect(error).toMatchObject({ api: "S.readStream", path });
  });

  it.each([
    [{ after: -1 }, ["options", "after"]],
    [{ limit: -1 }, ["options", "limit"]],
    [{ types: [""] }, ["options", "types", 0]],
    [{ types: "Noted" }, ["options", "types"]],
  ])("rejects readAll options %j", (options, path) => {
    expect(thrown(() => parseReadAllOptions("S.readAll", options))).toMatchObject({ api: "S.readAll", path });
  });
});
