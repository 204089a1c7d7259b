import { describe, expect, it } from "vitest";
import {
  type AccountBookEvent,
  accountBookCommand,
  accountBookDecider,
  lastFollowUps,
  lastTouchByAccount,
} from "../../../src/assignments/index.ts";
import type { InteractionLogged } from "../../../src/customers/events.ts";
import { type EventOf, fold } from "../../../src/index.ts";
import { deciderSpec } from "../../../src/testing.ts";
import { assigned, enrolled, envelopes, NOW, policy, registered, released } from "./fixtures.ts";

// NOW is 2026-07-10T09:00Z, 17:00 on 10 July in Asia/Shanghai (the policy's zone, UTC+8).
const spec = deciderSpec(accountBookDecider, { commands: accountBookCommand, now: NOW });
const claim = (customerId: string, repId = "rep-bo") =>
  ({ type: "ClaimAccount", data: { customerId, repId } }) as const;
const claimed = (customerId: string, repId: string, claimedAt: string, claimedOn: string): AccountBookEvent[] => [
  { type: "AccountClaimed", data: { customerId, repId, claimedAt, claimedOn } },
  {
    type: "AccountOwnerAssigned",
    data: { customerId, repId, effectiveFrom: claimedAt, reason: "claimed from the pool" },
  },
];
const inPool = (id: string) => [registered(id), released(id, undefined, "2026-06-01T00:00:00.000Z")];
const base = [enrolled("rep-ana"), enrolled("rep-bo"), policy(), ...inPool("cu-1")];

describe("pool: claims", () => {
  it("a rep claims an account from the pool, counted on the local date", () =>
    spec
      .given(base)
      .when(claim("cu-1"))
      .then(claimed("cu-1", "rep-bo", NOW, "2026-07-10")));
  it("pool_not_configured", () =>
    spec
      .given([enrolled("rep-bo"), ...inPool("cu-1")])
      .when(claim("cu-1"))
      .then("pool_not_configured"));
  it("account_not_in_pool: owned, or never placed", () => {
    spec
      .given([...base, assigned("cu-1", "rep-ana", "2026-06-02T00:00:00.000Z")])
      .when(claim("cu-1"))
      .then("account_not_in_pool");
    spec
      .given([...base, registered("cu-2")])
      .when(claim("cu-2"))
      .then("account_not_in_pool");
  });
  it("ownership_change_scheduled: no claim while an assignment takes effect later", () =>
    spec
      .given([...base, assigned("cu-1", "rep-ana", "2026-09-01T00:00:00.000Z")]) // in the pool until 1 September
      .when(claim("cu-1"))
      .then("ownership_change_scheduled"));
  it("account_not_registered and rep_not_enrolled", () => {
    spec.given(base).when(claim("cu-9")).then("account_not_registered");
    spec.given(base).when(claim("cu-1", "rep-zed")).then("rep_not_enrolled");
  });
  it("claim_limit_reached: claims per local day, and yesterday's claims do not count", () => {
    const today = [
      ...inPool("a"),
      ...claimed("a", "rep-bo", "2026-07-09T17:00:00.000Z", "2026-07-10"), // 01:00 local on the 10th
      ...inPool("b"),
      ...claimed("b", "rep-bo", "2026-07-10T02:00:00.000Z", "2026-07-10"),
    ];
    const error = spec
      .given([...base, ...today])
      .when(claim("cu-1"))
      .thenThrows("claim_limit_reached") as { details: object };
    expect(error.details).toMatchObject({ claimed: 2, claimsPerDay: 2, claimedOn: "2026-07-10" });
    const yesterday = [
      ...inPool("a"),
      ...claimed("a", "rep-bo", "2026-07-09T15:59:59.000Z", "2026-07-09"), // 23:59:59 local on the 9th
      ...inPool("b"),
      ...claimed("b", "rep-bo", "2026-07-10T02:00:00.000Z", "2026-07-10"),
    ];
    spec
      .given([...base, ...yesterday])
      .when(claim("cu-1"))
      .then(claimed("cu-1", "rep-bo", NOW, "2026-07-10"));
    spec
      .given([...base, ...today])
      .when(claim("cu-1", "rep-ana"))
      .then(claimed("cu-1", "rep-ana", NOW, "2026-07-10"));
  });
  it("holding_limit_reached: every account the rep holds counts, claimed or not", () => {
    const holding = ["x", "y", "z"].flatMap((id) => [registered(id), assigned(id, "rep-bo")]);
    spec
      .given([...base, ...holding])
      .when(claim("cu-1"))
      .then("holding_limit_reached");
    const freed = [...holding, released("z", "rep-bo", "2026-07-03T00:00:00.000Z")];
    spec
      .given([...base, ...freed])
      .when(claim("cu-1"))
      .then(claimed("cu-1", "rep-bo", NOW, "2026-07-10"));
  });
  it("reclaim_too_soon: the rep who gave it up waits reclaimCooldownDays local days; others do not", () => {
    const gaveUp = (at: string) => [
      enrolled("rep-ana"),
      enrolled("rep-bo"),
      policy(),
      registered("cu-1"),
      assigned("cu-1", "rep-bo", "2026-06-01T00:00:00.000Z"),
      released("cu-1", "rep-bo", at),
    ];
    spec.given(gaveUp("2026-07-04T00:00:00.000Z")).when(claim("cu-1")).then("reclaim_too_soon");
    spec
      .given(gaveUp("2026-07-04T00:00:00.000Z"))
      .when(claim("cu-1", "rep-ana"))
      .then(claimed("cu-1", "rep-ana", NOW, "2026-07-10"));
    spec
      .given(gaveUp("2026-07-02T16:00:00.000Z"))
      .when(claim("cu-1"))
      .then(claimed("cu-1", "rep-bo", NOW, "2026-07-10")); // 3 July local: 7 days
    spec.given(gaveUp("2026-07-03T16:00:00.000Z")).when(claim("cu-1")).then("reclaim_too_soon"); // 4 July local: 6 days
  });
});

describe("pool: the sweep", () => {
  const sweep = (lastTouches: Record<string, string>) => ({ type: "SweepPool", data: { lastTouches } }) as const;
  const owned = [
    enrolled("rep-ana"),
    enrolled("rep-bo"),
    policy(),
    registered("cu-1"),
    assigned("cu-1", "rep-ana", "2026-06-01T00:00:00.000Z"),
  ];
  const returned = (
    customerId: string,
    fromRepId: string,
    lastTouchedAt: string,
    idleDays: number,
  ): AccountBookEvent => ({
    type: "AccountReturnedToPool",
    data: { customerId, fromRepId, effectiveFrom: NOW, lastTouchedAt, idleDays },
  });
  it("returns an account once returnAfterDays local days passed since its last touch", () => {
    // 2026-06-09T20:00Z is 04:00 on 10 June in Shanghai: 30 days before 10 July.
    spec
      .given(owned)
      .when(sweep({ "cu-1": "2026-06-09T20:00:00.000Z" }))
      .then([returned("cu-1", "rep-ana", "2026-06-09T20:00:00.000Z", 30)]);
    // 2026-06-10T16:00Z is midnight on 11 June there: 29 days, it stays.
    spec
      .given(owned)
      .when(sweep({ "cu-1": "2026-06-10T16:00:00.000Z" }))
      .then([]);
  });
  it("counts from the start of the holding when that is later than the last touch", () => {
    spec
      .given(owned)
      .when(sweep({ "cu-1": "2026-05-01T00:00:00.000Z" }))
      .then([returned("cu-1", "rep-ana", "2026-06-01T00:00:00.000Z", 39)]);
    const claimedLate = [
      ...owned,
      released("cu-1", "rep-ana", "2026-06-20T00:00:00.000Z"),
      ...claimed("cu-1", "rep-bo", "2026-06-21T00:00:00.000Z", "2026-06-21"),
    ];
    spec
      .given(claimedLate)
      .when(sweep({ "cu-1": "2026-05-01T00:00:00.000Z" }))
      .then([]);
  });
  it("skips pooled, unplaced and scheduled accounts, and orders the returns by account", () => {
    const given = [
      ...owned,
      registered("b"),
      assigned("b", "rep-bo", "2026-01-01T00:00:00.000Z"),
      registered("a"),
      assigned("a", "rep-bo", "2026-01-01T00:00:00.000Z"),
      registered("pooled"),
      released("pooled", undefined, "2026-01-01T00:00:00.000Z"),
      registered("unplaced"),
      registered("scheduled"),
      assigned("scheduled", "rep-ana", "2026-01-01T00:00:00.000Z"),
      assigned("scheduled", "rep-bo", "2026-08-01T00:00:00.000Z"),
    ];
    spec
      .given(given)
      .when(sweep({ "cu-1": "2026-07-09T00:00:00.000Z" }))
      .then([
        returned("a", "rep-bo", "2026-01-01T00:00:00.000Z", 190),
        returned("b", "rep-bo", "2026-01-01T00:00:00.000Z", 190),
      ]);
  });
  it("pool_not_configured", () =>
    spec
      .given([enrolled("rep-ana"), registered("cu-1"), assigned("cu-1", "rep-ana")])
      .when(sweep({}))
      .then("pool_not_configured"));
  it("a returned account can be claimed by others, and by its last holder after the cooldown", () => {
    const after = [...owned, returned("cu-1", "rep-ana", "2026-06-01T00:00:00.000Z", 39)];
    spec
      .given(after)
      .when(claim("cu-1", "rep-bo"))
      .then(claimed("cu-1", "rep-bo", NOW, "2026-07-10"));
    spec.given(after).when(claim("cu-1", "rep-ana")).then("reclaim_too_soon");
  });
});

describe("lastFollowUps projection", () => {
  const logged = (
    interactionId: string,
    customerId: string,
    repId: string,
    occurredAt: string,
    dealId?: string,
  ): EventOf<typeof InteractionLogged> => ({
    type: "InteractionLogged",
    data: {
      interactionId,
      customerId,
      repId,
      channel: "call",
      occurredAt,
      outcome: "neutral",
      ...(dealId ? { dealId } : {}),
    },
  });
  it("keeps the latest interaction per account by occurredAt, whatever the logging order", () => {
    const state = fold(
      lastFollowUps,
      envelopes([
        logged("i-1", "cu-1", "rep-ana", "2026-07-05T10:00:00.000Z"),
        logged("i-2", "cu-1", "rep-bo", "2026-07-02T10:00:00+08:00"),
        logged("i-3", "cu-2", "rep-bo", "2026-07-03T10:00:00.000Z", "d-1"),
        logged("i-4", "cu-2", "rep-ana", "2026-07-04T02:00:00+08:00"),
      ]),
    );
    expect(state.accounts["cu-1"]).toEqual({
      at: "2026-07-05T10:00:00.000Z",
      repId: "rep-ana",
      interactionId: "i-1",
      dealId: undefined,
    });
    expect(state.accounts["cu-2"]).toEqual({
      at: "2026-07-03T18:00:00.000Z",
      repId: "rep-ana",
      interactionId: "i-4",
      dealId: undefined,
    });
    expect(lastTouchByAccount(state)).toEqual({
      "cu-1": "2026-07-05T10:00:00.000Z",
      "cu-2": "2026-07-03T18:00:00.000Z",
    });
  });
});
