import { describe, expect, it } from "vitest";
import { formatPath, isValidationError, ValidationError } from "../../../../src/index.ts";

describe("formatPath", () => {
  it.each([
    [[], "(root)"],
    [["events"], "events"],
    [["events", 0, "data", "amount"], "events[0].data.amount"],
    [[0], "[0]"],
    [[2, "data"], "[2].data"],
    [["a", 0, 1, "b"], "a[0][1].b"],
    [["m", Symbol("k")], 'm["Symbol(k)"]'],
    [["", "x"], '[""].x'],
    [["a b", "c-d", "__proto__"], '["a b"]["c-d"].__proto__'],
  ] as const)("formats %j as %s", (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe("ValidationError", () => {
  it("names the API, the first issue's path and message, and counts the others", () => {
    const error = new ValidationError("EventStore.append", [
      { code: "too_small", path: ["events", 1, "data", "amount"], message: "must be positive" },
      { code: "invalid_type", path: ["streamId"], message: "a string" },
      { code: "invalid_type", path: ["options"], message: "an object" },
    ]);
    expect(error.message).toBe(
      "EventStore.append: invalid input at events[1].data.amount: must be positive (and 2 more)",
    );
    expect(error.api).toBe("EventStore.append");
    expect(error.path).toEqual(["events", 1, "data", "amount"]);
    expect(error.issues.map((i) => i.code)).toEqual(["too_small", "invalid_type", "invalid_type"]);
    expect(error.code).toBe("validation_failed");
    expect(isValidationError(error)).toBe(true);
  });

  it("says nothing about others when there is one issue, and uses (root) for an empty path", () => {
    const error = new ValidationError("money", [{ code: "invalid_type", path: [], message: "not a Money" }]);
    expect(error.message).toBe("money: invalid input at (root): not a Money");
    expect(error.path).toEqual([]);
  });

  it("still builds a message and an empty path without issues", () => {
    const error = new ValidationError("api", []);
    expect(error.message).toBe("api: invalid input");
    expect(error.path).toEqual([]);
    expect(error.issues).toEqual([]);
  });

  it("keeps the issues it was given, in order", () => {
    const issues = [
      { code: "a", path: [0], message: "first" },
      { code: "b", path: [1], message: "second" },
    ];
    const error = new ValidationError("api", issues);
    expect(error.issues).toEqual(issues);
    expect(error.path).toBe(issues[0]!.path);
  });
});
