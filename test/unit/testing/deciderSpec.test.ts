import { z } from "zod";
import { describe, expect, it } from "vitest";
import { type Decider, DomainRuleError, isDomainRuleError, isValidationError } from "../../../src/index.ts";
import { deciderSpec } from "../../../src/testing.ts";
import { thrown } from "../core/events/assertions.ts";
import { type TabCommand, type TabEvent, tabCommands, tabDecider } from "../core/decider/fixtures.ts";

const opened: TabEvent = { type: "TabOpened", data: { name: "tab" } };
const closed: TabEvent = { type: "TabClosed", data: {} };
const add = (n: number): TabCommand => ({ type: "Add", data: { n } });
const item = (n: number, seq: number, lineId = "id-000001", by = "test"): TabEvent => ({
  type: "ItemAdded",
  data: { lineId, n, seq, at: "2026-01-01T00:00:00.000Z", by },
});

describe("deciderSpec: then(events)", () => {
  it("passes when the command produces exactly the expected events, whatever the key order", () => {
    const spec = deciderSpec(tabDecider());
    expect(() =>
      spec
        .given([opened])
        .when(add(2))
        .then([item(2, 1)]),
    ).not.toThrow();
    const reordered = {
      type: "ItemAdded",
      data: { by: "test", at: "2026-01-01T00:00:00.000Z", seq: 1, n: 2, lineId: "id-000001" },
    };
    expect(() =>
      spec
        .given([opened])
        .when(add(2))
        .then([reordered as TabEvent]),
    ).not.toThrow();
  });

  it("folds the given events in order before deciding", () => {
    const spec = deciderSpec(tabDecider());
    const earlier = [opened, item(1, 1, "a"), item(1, 2, "b")];
    expect(() =>
      spec
        .given(earlier)
        .when(add(5))
        .then([item(5, 3)]),
    ).not.toThrow();
  });

  it("fails with both lists in the message when the events differ", () => {
    const error = thrown(() =>
      deciderSpec(tabDecider())
        .given([opened])
        .when(add(2))
        .then([item(3, 1)]),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(
      'tab: expected events [{"type":"ItemAdded","data":{"at":"2026-01-01T00:00:00.000Z","by":"test","lineId":"id-000001","n":3,"seq":1}}]\n' +
        '  but got [{"type":"ItemAdded","data":{"at":"2026-01-01T00:00:00.000Z","by":"test","lineId":"id-000001","n":2,"seq":1}}]',
    );
  });

  it.each([
    ["too few events", [] as TabEvent[]],
    ["too many events", [item(2, 1), item(2, 1)]],
    ["another type", [{ type: "TabClosed", data: {} } as TabEvent]],
    ["a number as a string", [{ type: "ItemAdded", data: { ...item(2, 1).data, n: "2" } } as never]],
    ["an extra field", [{ type: "ItemAdded", data: { ...item(2, 1).data, extra: 1 } } as never]],
  ])("fails on %s", (_label, expected) => {
    expect(() => deciderSpec(tabDecider()).given([opened]).when(add(2)).then(expected)).toThrow(
      /^tab: expected events/,
    );
  });

  it("compares the order of events", () => {
    const spec = deciderSpec(tabDecider());
    const twice: TabCommand = { type: "AddTwice", data: { n: 1 } };
    const first = item(1, 1, "id-000001");
    const second = item(1, 2, "id-000002");
    expect(() => spec.given([opened]).when(twice).then([first, second])).not.toThrow();
    expect(() => spec.given([opened]).when(twice).then([second, first])).toThrow(/expected events/);
  });

  it("passes an empty decision with then([])", () => {
    expect(() => deciderSpec(tabDecider()).given([opened, closed]).when({ type: "Close" }).then([])).not.toThrow();
  });

  it("fails with the refusal in the message when events were expected, keeping the error as its cause", () => {
    const error = thrown(() =>
      deciderSpec(tabDecider())
        .given([])
        .when(add(1))
        .then([item(1, 1)]),
    );
    expect(error.message).toMatch(/expected events .*but the command was refused: domain_rule_violated\/tab_not_open/s);
    expect(isDomainRuleError(error.cause)).toBe(true);
    expect(error.cause.rule).toBe("tab_not_open");
  });

  it("gives decide the configured time, actor and id prefix, with fresh ids for every run", () => {
    const spec = deciderSpec(tabDecider(), { now: "2026-05-05T05:05:05.000Z", actor: "user:ana", idPrefix: "line" });
    const expected: TabEvent = {
      type: "ItemAdded",
      data: { lineId: "line-000001", n: 1, seq: 1, at: "2026-05-05T05:05:05.000Z", by: "user:ana" },
    };
    const when = spec.given([opened]).when(add(1));
    expect(() => when.then([expected])).not.toThrow();
    expect(() => when.then([expected])).not.toThrow();
  });
});

describe("deciderSpec: refusals", () => {
  it("then(rule) passes for a DomainRuleError with that rule, or for its error code", () => {
    const when = deciderSpec(tabDecider())
      .given([opened])
      .when({ type: "Open", data: { name: "again" } });
    expect(() => when.then("tab_already_open")).not.toThrow();
    expect(() => when.then("domain_rule_violated")).not.toThrow();
  });

  it("then(rule) fails for another rule, naming both", () => {
    const when = deciderSpec(tabDecider())
      .given([opened])
      .when({ type: "Open", data: { name: "again" } });
    expect(() => when.then("tab_not_open")).toThrow(
      'tab: expected refusal "tab_not_open", got domain_rule_violated/tab_already_open: decideTab: the tab is open',
    );
  });

  it("then(rule) fails when the command is accepted, showing what it produced", () => {
    expect(() =>
      deciderSpec(tabDecider())
        .given([])
        .when({ type: "Open", data: { name: "t" } })
        .then("tab_already_open"),
    ).toThrow('tab: expected a refusal, but the command produced [{"type":"TabOpened","data":{"name":"t"}}]');
  });

  it("then(rule) does not match an error that is not a salesfold error", () => {
    const crashing: Decider<TabCommand, TabEvent, null> = {
      name: "crashing",
      initialState: () => null,
      evolve: (s) => s,
      decide: () => {
        throw new TypeError("tab_not_open");
      },
    };
    expect(() => deciderSpec(crashing).given([]).when(add(1)).then("tab_not_open")).toThrow(
      'crashing: expected refusal "tab_not_open", got TypeError: tab_not_open',
    );
  });

  it("thenThrows returns the error, matches by rule, code or predicate, and fails when nothing is thrown", () => {
    const refused = deciderSpec(tabDecider()).given([]).when(add(1));
    const error = refused.thenThrows();
    expect(error).toBeInstanceOf(DomainRuleError);
    expect(refused.thenThrows("tab_not_open")).toMatchObject({ rule: "tab_not_open" });
    expect(refused.thenThrows("domain_rule_violated")).toMatchObject({ rule: "tab_not_open" });
    expect(() => refused.thenThrows("tab_already_open")).toThrow(/expected refusal "tab_already_open"/);
    expect(isDomainRuleError(refused.thenThrows((e) => isDomainRuleError(e) && e.rule === "tab_not_open"))).toBe(true);
    expect(() => refused.thenThrows((e) => isValidationError(e))).toThrow(
      "tab: the error did not match: domain_rule_violated/tab_not_open: decideTab: the tab is not open",
    );
    expect(() => deciderSpec(tabDecider()).given([opened]).when(add(1)).thenThrows()).toThrow(
      /expected a refusal, but the command produced \[\{"type":"ItemAdded"/,
    );
  });
});

describe("deciderSpec: command schema", () => {
  it("validates commands with the schema first and refuses invalid ones with a ValidationError", () => {
    const spec = deciderSpec(tabDecider(), { commands: tabCommands });
    const when = spec.given([opened]).when({ type: "Add", data: { n: 0 } });
    const error = when.thenThrows("validation_failed") as { api: string; path: unknown[] };
    expect(isValidationError(error)).toBe(true);
    expect(error.api).toBe("deciderSpec(tab)");
    expect(error.path).toEqual(["command", "data", "n"]);
    expect(isValidationError(thrown(() => when.then([])).cause)).toBe(true);
  });

  it("decides on the parsed command, so defaults and transforms apply", () => {
    const seen: unknown[] = [];
    const decider = tabDecider();
    const recording = {
      ...decider,
      decide: (c: TabCommand, s: Parameters<typeof decider.decide>[1], ctx: Parameters<typeof decider.decide>[2]) => {
        seen.push(c);
        return decider.decide(c, s, ctx);
      },
    };
    const schema = z.strictObject({ type: z.literal("Add"), data: z.strictObject({ n: z.number().default(4) }) });
    deciderSpec(recording, { commands: schema as never })
      .given([opened])
      .when({ type: "Add", data: {} } as never)
      .then([item(4, 1)]);
    expect(seen).toEqual([{ type: "Add", data: { n: 4 } }]);
  });

  it("does not validate without a schema", () => {
    expect(() =>
      deciderSpec(tabDecider())
        .given([opened])
        .when({ type: "Add", data: { n: 0 } })
        .then([item(0, 1)]),
    ).not.toThrow();
  });
});
