import { describe, expect, it } from "vitest";
import {
  type AccountBookEvent,
  accountBookCommand,
  accountBookDecider,
  evolveAccountBook,
  accountBookInitialState,
  routeAccount,
} from "../../../src/assignments/index.ts";
import { deciderSpec } from "../../../src/testing.ts";
import { assigned, enrolled, NOW, registered, routed, rules } from "./fixtures.ts";

const spec = deciderSpec(accountBookDecider, { commands: accountBookCommand, now: NOW });
const route = (customerId: string) => ({ type: "RouteAccount", data: { customerId } }) as const;
const reps = [enrolled("rep-ana"), enrolled("rep-bo"), enrolled("rep-cy")];

describe("routing: first matching rule", () => {
  const config = rules([
    { ruleId: "east-ent", when: { regions: ["east"], segments: ["enterprise"] }, strategy: "fixed", repId: "rep-cy" },
    { ruleId: "east", when: { regions: ["east"] }, strategy: "fixed", repId: "rep-bo" },
    { ruleId: "all", when: {}, strategy: "fixed", repId: "rep-ana" },
  ]);
  it("takes the first rule whose criteria all match", () => {
    spec
      .given([...reps, config, registered("cu-1", { region: "east", segment: "enterprise" })])
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-cy", "east-ent", "fixed"));
    spec
      .given([...reps, config, registered("cu-2", { region: "east", segment: "smb" })])
      .when(route("cu-2"))
      .then(routed("cu-2", "rep-bo", "east", "fixed"));
    spec
      .given([...reps, config, registered("cu-3", { segment: "enterprise" })])
      .when(route("cu-3"))
      .then(routed("cu-3", "rep-ana", "all", "fixed"));
  });
  it("passes over a matching rule whose rep is unavailable or at capacity", () => {
    const away: AccountBookEvent = { type: "RepAvailabilityChanged", data: { repId: "rep-cy", available: false } };
    spec
      .given([...reps, config, away, registered("cu-1", { region: "east", segment: "enterprise" })])
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-bo", "east", "fixed"));
    const capped = [enrolled("rep-ana"), enrolled("rep-bo", 1), enrolled("rep-cy", 1), config];
    spec
      .given([
        ...capped,
        registered("x"),
        assigned("x", "rep-cy"),
        registered("y"),
        assigned("y", "rep-bo"),
        registered("cu-1", { region: "east", segment: "enterprise" }),
      ])
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-ana", "all", "fixed"));
  });
  it("no_eligible_rep when no rule places the account and the book does not overflow", () => {
    spec
      .given([
        ...reps,
        rules([{ ruleId: "west", when: { regions: ["west"] }, strategy: "fixed", repId: "rep-ana" }]),
        registered("cu-1", { region: "east" }),
      ])
      .when(route("cu-1"))
      .then("no_eligible_rep");
  });
  it("overflows to the pool when configured", () => {
    spec
      .given([...reps, rules([], true), registered("cu-1")])
      .when(route("cu-1"))
      .then([
        {
          type: "AccountReleasedToPool",
          data: { customerId: "cu-1", effectiveFrom: NOW, reason: "no routing rule had an eligible rep" },
        },
      ]);
  });
  it("no_eligible_rep for an account already in the pool, even with overflow", () => {
    const pooled: AccountBookEvent = {
      type: "AccountReleasedToPool",
      data: { customerId: "cu-1", effectiveFrom: "2026-07-01T00:00:00.000Z", reason: "x" },
    };
    spec
      .given([...reps, rules([], true), registered("cu-1"), pooled])
      .when(route("cu-1"))
      .then("no_eligible_rep");
  });
  it("routes an account out of the pool when a rule has a rep", () => {
    const pooled: AccountBookEvent = {
      type: "AccountReleasedToPool",
      data: { customerId: "cu-1", effectiveFrom: "2026-07-01T00:00:00.000Z", reason: "x" },
    };
    spec
      .given([...reps, config, registered("cu-1"), pooled])
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-ana", "all", "fixed"));
  });
  it("account_already_owned", () =>
    spec
      .given([...reps, config, registered("cu-1"), assigned("cu-1", "rep-bo")])
      .when(route("cu-1"))
      .then("account_already_owned"));
  it("account_not_registered", () =>
    spec
      .given([...reps, config])
      .when(route("cu-9"))
      .then("account_not_registered"));
});

describe("routing: round robin", () => {
  const rr = rules([{ ruleId: "rr", when: {}, strategy: "round_robin", reps: ["rep-ana", "rep-bo", "rep-cy"] }]);
  it("cycles from the rep after the last pick, which the events carry, so a replay routes the same way", () => {
    const given = [...reps, rr, registered("a"), registered("b"), registered("c"), registered("d")];
    let state = given.reduce(evolveAccountBook, accountBookInitialState());
    const picks: string[] = [];
    for (const id of ["a", "b", "c", "d"]) {
      const events = routeAccount(state, id, NOW);
      picks.push((events[0]!.data as { repId: string }).repId);
      state = events.reduce(evolveAccountBook, state);
    }
    expect(picks).toEqual(["rep-ana", "rep-bo", "rep-cy", "rep-ana"]);
    spec
      .given([...given, ...routed("a", "rep-ana", "rr", "round_robin"), ...routed("b", "rep-bo", "rr", "round_robin")])
      .when(route("c"))
      .then(routed("c", "rep-cy", "rr", "round_robin"));
  });
  it("skips reps at capacity or away, and keeps cycling from the pick", () => {
    const away: AccountBookEvent = { type: "RepAvailabilityChanged", data: { repId: "rep-bo", available: false } };
    spec
      .given([...reps, rr, away, registered("a"), ...routed("a", "rep-ana", "rr", "round_robin"), registered("b")])
      .when(route("b"))
      .then(routed("b", "rep-cy", "rr", "round_robin"));
  });
  it("the pointer is per rule: a manual assignment does not move it", () => {
    spec
      .given([
        ...reps,
        rr,
        registered("a"),
        ...routed("a", "rep-ana", "rr", "round_robin"),
        registered("m"),
        assigned("m", "rep-bo"),
        registered("b"),
      ])
      .when(route("b"))
      .then(routed("b", "rep-bo", "rr", "round_robin"));
  });
});

describe("routing: least loaded", () => {
  const ll = rules([{ ruleId: "ll", when: {}, strategy: "least_loaded", reps: ["rep-ana", "rep-bo", "rep-cy"] }]);
  it("takes the rep holding the fewest accounts, ties to the first listed", () => {
    const given = [
      ...reps,
      ll,
      registered("x"),
      assigned("x", "rep-ana"),
      registered("y"),
      assigned("y", "rep-cy"),
      registered("cu-1"),
    ];
    spec
      .given(given)
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-bo", "ll", "least_loaded"));
    spec
      .given([...reps, ll, registered("cu-1")])
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-ana", "ll", "least_loaded"));
  });
  it("counts an account only for its latest holder: released accounts free capacity", () => {
    const given = [
      ...reps,
      ll,
      registered("x"),
      assigned("x", "rep-ana"),
      {
        type: "AccountReleasedToPool",
        data: { customerId: "x", fromRepId: "rep-ana", effectiveFrom: "2026-07-05T00:00:00.000Z", reason: "r" },
      } as AccountBookEvent,
      registered("y"),
      assigned("y", "rep-bo"),
      registered("cu-1"),
    ];
    spec
      .given(given)
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-ana", "ll", "least_loaded"));
  });
});

describe("routing: territories", () => {
  const territory = (territoryId: string, regions: string[], priority: number): AccountBookEvent => ({
    type: "TerritoryDefined",
    data: { territoryId, name: territoryId, criteria: { regions }, priority },
  });
  const owner = (territoryId: string, repId: string, effectiveFrom: string): AccountBookEvent => ({
    type: "TerritoryOwnerAssigned",
    data: { territoryId, repId, effectiveFrom },
  });
  const tr = rules([
    { ruleId: "terr", when: {}, strategy: "territory" },
    { ruleId: "fallback", when: {}, strategy: "fixed", repId: "rep-cy" },
  ]);
  it("routes to the owner, at the decision's instant, of the highest-priority matching territory", () => {
    const given = [
      ...reps,
      tr,
      territory("east", ["east"], 20),
      territory("east-core", ["east"], 10),
      owner("east", "rep-ana", "2026-01-01T00:00:00.000Z"),
      owner("east-core", "rep-bo", "2026-01-01T00:00:00.000Z"),
      owner("east-core", "rep-ana", "2026-08-01T00:00:00.000Z"),
      registered("cu-1", { region: "east" }),
    ];
    spec
      .given(given)
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-bo", "terr", "territory"));
  });
  it("falls through when no territory matches or it is retired", () => {
    const retired: AccountBookEvent = {
      type: "TerritoryRetired",
      data: { territoryId: "east", effectiveFrom: "2026-07-01T00:00:00.000Z" },
    };
    spec
      .given([
        ...reps,
        tr,
        territory("east", ["east"], 10),
        owner("east", "rep-ana", "2026-01-01T00:00:00.000Z"),
        retired,
        registered("cu-1", { region: "east" }),
      ])
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-cy", "fallback", "fixed"));
    spec
      .given([...reps, tr, registered("cu-1", { region: "west" })])
      .when(route("cu-1"))
      .then(routed("cu-1", "rep-cy", "fallback", "fixed"));
  });
});

describe("routing configuration", () => {
  it("configures rules", () => {
    const r = [{ ruleId: "a", when: {}, strategy: "fixed" as const, repId: "rep-ana" }];
    spec
      .given(reps)
      .when({ type: "ConfigureRouting", data: { rules: r, overflowToPool: true } })
      .then([rules(r, true)]);
  });
  it("routing_rule_duplicate", () =>
    spec
      .given(reps)
      .when({
        type: "ConfigureRouting",
        data: {
          overflowToPool: false,
          rules: [
            { ruleId: "a", when: {}, strategy: "fixed", repId: "rep-ana" },
            { ruleId: "a", when: {}, strategy: "territory" },
          ],
        },
      })
      .then("routing_rule_duplicate"));
  it("routing_rule_unknown_rep", () =>
    spec
      .given(reps)
      .when({
        type: "ConfigureRouting",
        data: {
          overflowToPool: false,
          rules: [{ ruleId: "a", when: {}, strategy: "round_robin", reps: ["rep-ana", "rep-zed"] }],
        },
      })
      .then("routing_rule_unknown_rep"));
  it("registers and routes in one command", () => {
    spec
      .given([...reps, rules([{ ruleId: "all", when: {}, strategy: "fixed", repId: "rep-bo" }])])
      .when({
        type: "RegisterAccount",
        data: { customerId: "cu-1", attributes: { region: "east" }, placement: "route" },
      })
      .then([registered("cu-1", { region: "east" }), ...routed("cu-1", "rep-bo", "all", "fixed")]);
  });
});
