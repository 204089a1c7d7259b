import { describe, it } from "vitest";
import { type AccountBookEvent, accountBookCommand, accountBookDecider } from "../../../src/assignments/index.ts";
import { deciderSpec } from "../../../src/testing.ts";
import { assigned, enrolled, NOW, registered, released } from "./fixtures.ts";

const spec = deciderSpec(accountBookDecider, { commands: accountBookCommand, now: NOW });

describe("reps", () => {
  it("enrolls a rep, uncapped by default", () =>
    spec
      .given([])
      .when({ type: "EnrollRep", data: { repId: "rep-ana" } })
      .then([enrolled("rep-ana")]));
  it("rep_already_enrolled", () =>
    spec
      .given([enrolled("rep-ana")])
      .when({ type: "EnrollRep", data: { repId: "rep-ana", maxAccounts: 5 } })
      .then("rep_already_enrolled"));
  it("changes capacity and availability, and does nothing when unchanged", () => {
    spec
      .given([enrolled("rep-ana")])
      .when({ type: "SetRepCapacity", data: { repId: "rep-ana", maxAccounts: 40 } })
      .then([{ type: "RepCapacityChanged", data: { repId: "rep-ana", maxAccounts: 40 } }]);
    spec
      .given([enrolled("rep-ana", 40)])
      .when({ type: "SetRepCapacity", data: { repId: "rep-ana", maxAccounts: 40 } })
      .then([]);
    spec
      .given([enrolled("rep-ana")])
      .when({ type: "SetRepAvailability", data: { repId: "rep-ana", available: false } })
      .then([{ type: "RepAvailabilityChanged", data: { repId: "rep-ana", available: false } }]);
    spec
      .given([enrolled("rep-ana")])
      .when({ type: "SetRepAvailability", data: { repId: "rep-ana", available: true } })
      .then([]);
  });
  it("rep_not_enrolled", () => {
    spec
      .given([])
      .when({ type: "SetRepCapacity", data: { repId: "rep-ana", maxAccounts: null } })
      .then("rep_not_enrolled");
    spec
      .given([registered("cu-1")])
      .when({ type: "AssignAccount", data: { customerId: "cu-1", repId: "rep-zed", reason: "x" } })
      .then("rep_not_enrolled");
  });
});

describe("territories", () => {
  const defined: AccountBookEvent = {
    type: "TerritoryDefined",
    data: { territoryId: "east", name: "East", criteria: { regions: ["east"] }, priority: 10 },
  };
  const owner = (repId: string, effectiveFrom: string): AccountBookEvent => ({
    type: "TerritoryOwnerAssigned",
    data: { territoryId: "east", repId, effectiveFrom },
  });
  it("defines a territory", () =>
    spec
      .given([])
      .when({ type: "DefineTerritory", data: defined.data as never })
      .then([defined]));
  it("territory_already_exists", () =>
    spec
      .given([defined])
      .when({ type: "DefineTerritory", data: { ...(defined.data as object), priority: 11 } as never })
      .then("territory_already_exists"));
  it("territory_priority_taken, unless the holder is retired", () => {
    const other = { territoryId: "north", name: "North", criteria: {}, priority: 10 };
    spec.given([defined]).when({ type: "DefineTerritory", data: other }).then("territory_priority_taken");
    spec
      .given([
        defined,
        { type: "TerritoryRetired", data: { territoryId: "east", effectiveFrom: "2026-07-01T00:00:00.000Z" } },
      ])
      .when({ type: "DefineTerritory", data: other })
      .then([{ type: "TerritoryDefined", data: other }]);
  });
  it("assigns an owner from an instant, defaulting to now", () => {
    spec
      .given([enrolled("rep-ana"), defined])
      .when({ type: "AssignTerritoryOwner", data: { territoryId: "east", repId: "rep-ana" } })
      .then([owner("rep-ana", NOW)]);
    spec
      .given([enrolled("rep-ana"), defined])
      .when({
        type: "AssignTerritoryOwner",
        data: {
          territoryId: "east",
          repId: "rep-ana",
          effectiveFrom: "2026-08-01T08:00:00+08:00",
          reason: "realignment",
        },
      })
      .then([
        {
          type: "TerritoryOwnerAssigned",
          data: {
            territoryId: "east",
            repId: "rep-ana",
            effectiveFrom: "2026-08-01T00:00:00.000Z",
            reason: "realignment",
          },
        },
      ]);
  });
  it("territory_not_found", () =>
    spec
      .given([enrolled("rep-ana")])
      .when({ type: "AssignTerritoryOwner", data: { territoryId: "east", repId: "rep-ana" } })
      .then("territory_not_found"));
  it("territory_owner_unchanged: same owner at that instant", () => {
    const given = [
      enrolled("rep-ana"),
      enrolled("rep-bo"),
      defined,
      owner("rep-ana", "2026-01-01T00:00:00.000Z"),
      owner("rep-bo", "2026-09-01T00:00:00.000Z"),
    ];
    spec
      .given(given)
      .when({ type: "AssignTerritoryOwner", data: { territoryId: "east", repId: "rep-ana" } })
      .then("territory_owner_unchanged");
    spec
      .given(given)
      .when({
        type: "AssignTerritoryOwner",
        data: { territoryId: "east", repId: "rep-ana", effectiveFrom: "2026-10-01T00:00:00.000Z" },
      })
      .then([owner("rep-ana", "2026-10-01T00:00:00.000Z")]);
  });
  it("territory_retired: no owner from the retirement on, no second retirement", () => {
    const retired: AccountBookEvent = {
      type: "TerritoryRetired",
      data: { territoryId: "east", effectiveFrom: "2026-07-01T00:00:00.000Z" },
    };
    spec
      .given([enrolled("rep-ana"), defined, retired])
      .when({ type: "AssignTerritoryOwner", data: { territoryId: "east", repId: "rep-ana" } })
      .then("territory_retired");
    spec
      .given([enrolled("rep-ana"), defined, retired])
      .when({
        type: "AssignTerritoryOwner",
        data: { territoryId: "east", repId: "rep-ana", effectiveFrom: "2026-06-01T00:00:00.000Z" },
      })
      .then([owner("rep-ana", "2026-06-01T00:00:00.000Z")]);
    spec
      .given([defined, retired])
      .when({ type: "RetireTerritory", data: { territoryId: "east" } })
      .then("territory_retired");
    spec
      .given([defined])
      .when({ type: "RetireTerritory", data: { territoryId: "east" } })
      .then([{ type: "TerritoryRetired", data: { territoryId: "east", effectiveFrom: NOW } }]);
  });
});

describe("accounts", () => {
  const base = [enrolled("rep-ana"), enrolled("rep-bo"), registered("cu-1")];
  it("registers an account", () =>
    spec
      .given([])
      .when({ type: "RegisterAccount", data: { customerId: "cu-1", attributes: { industry: "retail" } } })
      .then([registered("cu-1", { industry: "retail" })]));
  it("account_already_registered", () =>
    spec
      .given([registered("cu-1")])
      .when({ type: "RegisterAccount", data: { customerId: "cu-1", attributes: {} } })
      .then("account_already_registered"));
  it("registers straight into the pool", () =>
    spec
      .given([])
      .when({ type: "RegisterAccount", data: { customerId: "cu-1", attributes: {}, placement: "pool" } })
      .then([
        registered("cu-1"),
        {
          type: "AccountReleasedToPool",
          data: { customerId: "cu-1", effectiveFrom: NOW, reason: "registered into the pool" },
        },
      ]));
  it("reassigns with a reason, effective now or from a given instant (back-dated included)", () => {
    const given = [...base, assigned("cu-1", "rep-ana", "2026-07-01T00:00:00.000Z")];
    spec
      .given(given)
      .when({ type: "AssignAccount", data: { customerId: "cu-1", repId: "rep-bo", reason: "rebalance" } })
      .then([assigned("cu-1", "rep-bo", NOW, "rebalance")]);
    spec
      .given(given)
      .when({
        type: "AssignAccount",
        data: { customerId: "cu-1", repId: "rep-bo", reason: "correction", effectiveFrom: "2026-06-15T00:00:00Z" },
      })
      .then([assigned("cu-1", "rep-bo", "2026-06-15T00:00:00.000Z", "correction")]);
  });
  it("already_owner: the rep owns it at that instant", () => {
    const given = [
      ...base,
      assigned("cu-1", "rep-ana", "2026-07-01T00:00:00.000Z"),
      assigned("cu-1", "rep-bo", "2026-09-01T00:00:00.000Z"),
    ];
    spec
      .given(given)
      .when({ type: "AssignAccount", data: { customerId: "cu-1", repId: "rep-ana", reason: "x" } })
      .then("already_owner");
    spec
      .given(given)
      .when({
        type: "AssignAccount",
        data: { customerId: "cu-1", repId: "rep-bo", reason: "earlier", effectiveFrom: "2026-08-01T00:00:00.000Z" },
      })
      .then([assigned("cu-1", "rep-bo", "2026-08-01T00:00:00.000Z", "earlier")]);
  });
  it("account_not_registered", () =>
    spec
      .given([enrolled("rep-ana")])
      .when({ type: "AssignAccount", data: { customerId: "cu-1", repId: "rep-ana", reason: "x" } })
      .then("account_not_registered"));
  it("releases an owned account to the pool, naming its holder", () =>
    spec
      .given([...base, assigned("cu-1", "rep-ana")])
      .when({ type: "ReleaseAccount", data: { customerId: "cu-1", reason: "no budget" } })
      .then([
        {
          type: "AccountReleasedToPool",
          data: { customerId: "cu-1", fromRepId: "rep-ana", effectiveFrom: NOW, reason: "no budget" },
        },
      ]));
  it("ownership_change_scheduled: no release while a hand-over takes effect later", () =>
    spec
      .given([
        ...base,
        assigned("cu-1", "rep-ana"),
        assigned("cu-1", "rep-bo", "2026-09-01T00:00:00.000Z"), // after NOW
      ])
      .when({ type: "ReleaseAccount", data: { customerId: "cu-1", reason: "no budget" } })
      .then("ownership_change_scheduled"));
  it("account_already_in_pool", () =>
    spec
      .given([...base, assigned("cu-1", "rep-ana"), released("cu-1", "rep-ana")])
      .when({ type: "ReleaseAccount", data: { customerId: "cu-1", reason: "x" } })
      .then("account_already_in_pool"));
});
