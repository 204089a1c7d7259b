// Properties of effective-dated ownership and of routing, checked against independent models.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AccountBookEvent,
  accountBookInitialState,
  accountOwnership,
  timelineEntryAt,
  evolveAccountBook,
  ownerAt,
  ownershipPeriods,
  routeAccount,
} from "../../../src/assignments/index.ts";
import { fold } from "../../../src/index.ts";
import { enrolled, envelopes, NOW, registered, rules } from "./fixtures.ts";

const BASE = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

// A change: a rep or the pool (null), effective some hours after BASE; small ranges make equal instants common.
const arbChange = fc.record({
  holder: fc.constantFrom("rep-ana", "rep-bo", "rep-cy", null),
  hours: fc.integer({ min: 0, max: 48 }),
});
const toEvent = (c: { holder: string | null; hours: number }): AccountBookEvent => {
  const effectiveFrom = new Date(BASE + c.hours * HOUR).toISOString();
  return c.holder === null
    ? { type: "AccountReleasedToPool", data: { customerId: "cu-1", effectiveFrom, reason: "r" } }
    : { type: "AccountOwnerAssigned", data: { customerId: "cu-1", repId: c.holder, effectiveFrom } };
};

// The model: the change with the latest instant at or before t; among equal instants, the one recorded last.
function model(history: readonly { holder: string | null; hours: number }[], t: number): string | null | undefined {
  let best: { holder: string | null; hours: number } | undefined;
  for (const c of history) if (BASE + c.hours * HOUR <= t && (best === undefined || c.hours >= best.hours)) best = c;
  return best?.holder;
}

describe("effective-dated ownership", () => {
  it("gives exactly one holder (a rep or the pool) at every instant after the first change, as the model says", () => {
    fc.assert(
      fc.property(
        fc.array(arbChange, { minLength: 1, maxLength: 25 }),
        fc.array(fc.integer({ min: -2 * HOUR, max: 52 * HOUR }), { minLength: 1, maxLength: 20 }),
        (history, offsets) => {
          const events = history.map(toEvent);
          const state = fold(accountOwnership, envelopes(events));
          const periods = ownershipPeriods(state, "cu-1");
          const book = [registered("cu-1"), ...events].reduce(evolveAccountBook, accountBookInitialState());
          const first = Math.min(...history.map((c) => BASE + c.hours * HOUR));
          // Probe random instants and every boundary, just before and at it.
          const probes = [
            ...offsets.map((o) => BASE + o),
            ...history.flatMap((c) => [BASE + c.hours * HOUR - 1, BASE + c.hours * HOUR]),
          ];
          for (const t of probes) {
            const expected = model(history, t);
            const containing = periods.filter(
              (p) => Date.parse(p.from) <= t && (p.to === undefined || t < Date.parse(p.to)),
            );
            if (t < first) {
              expect(expected).toBeUndefined();
              expect(containing).toHaveLength(0);
            } else {
              expect(containing).toHaveLength(1);
              expect(containing[0]!.holder).toBe(expected);
            }
            expect(ownerAt(state, "cu-1", t)).toBe(expected);
            expect(timelineEntryAt(book.accounts["cu-1"]!.timeline, t)?.holder).toBe(expected);
          }
        },
      ),
    );
  });
});

describe("routing properties", () => {
  const route = (events: AccountBookEvent[], ids: string[]) => {
    let state = events.reduce(evolveAccountBook, accountBookInitialState());
    const log: AccountBookEvent[] = [];
    for (const id of ids) {
      const produced = routeAccount(state, id, NOW);
      log.push(...produced);
      state = produced.reduce(evolveAccountBook, state);
    }
    return { state, log };
  };

  it("round robin over uncapped reps keeps their counts within one of each other, and a replay decides the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 }), (k, n) => {
        const reps = Array.from({ length: k }, (_, i) => `rep-${i}`);
        const ids = Array.from({ length: n + 1 }, (_, i) => `cu-${i}`);
        const setup = [
          ...reps.map((r) => enrolled(r)),
          rules([{ ruleId: "rr", when: {}, strategy: "round_robin", reps }]),
          ...ids.map((id) => registered(id)),
        ];
        const { log } = route(setup, ids.slice(0, n));
        const counts = reps.map(
          (r) => log.filter((e) => e.type === "AccountOwnerAssigned" && e.data.repId === r).length,
        );
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        const replayed = [...setup, ...log].reduce(evolveAccountBook, accountBookInitialState());
        expect(routeAccount(replayed, ids[n]!, NOW)).toEqual(route(setup, ids).log.slice(-2));
      }),
    );
  });

  it("routing never gives a capped rep more than their cap, and places every account while any rep has room", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("round_robin" as const, "least_loaded" as const),
        fc.integer({ min: 0, max: 25 }),
        (caps, strategy, n) => {
          const reps = caps.map((_, i) => `rep-${i}`);
          const ids = Array.from({ length: n }, (_, i) => `cu-${i}`);
          const setup = [
            ...reps.map((r, i) => enrolled(r, caps[i]!)),
            rules([{ ruleId: "r", when: {}, strategy, reps }], true),
            ...ids.map((id) => registered(id)),
          ];
          const { state, log } = route(setup, ids);
          const room = caps.some((c) => c === null)
            ? Number.POSITIVE_INFINITY
            : caps.reduce<number>((a, c) => a + (c ?? 0), 0);
          reps.forEach((r, i) => {
            if (caps[i] !== null) expect(state.holdings[r] ?? 0).toBeLessThanOrEqual(caps[i]!);
          });
          const placed = log.filter((e) => e.type === "AccountOwnerAssigned").length;
          expect(placed).toBe(Math.min(n, room));
          expect(log.filter((e) => e.type === "AccountReleasedToPool").length).toBe(n - placed);
        },
      ),
    );
  });
});
