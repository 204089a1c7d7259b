// The kit's API: which laws apply to a plan and why, switching laws off, forcing one on, registering with a runner,
// and the arbitraries' own guarantees.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definePlan, type PlanDefinition } from "../../../../src/incentives/index.ts";
import { isValidationError } from "../../../../src/index.ts";
import {
  arbIncentivePlan,
  arbIncentiveCredits,
  arbPlanPeriod,
  arbRefundOf,
  arbSplitDeal,
  incentiveLaws,
  planPeriods,
} from "../../../../src/testing.ts";
import { plan, revenueComponent } from "../support/fixtures.ts";

const marginal = plan({
  components: [
    revenueComponent(
      [
        { from: 0, to: 1_000_000, rateBps: 500 },
        { from: 1_000_000, to: null, rateBps: 800 },
      ],
      { cap: { amount: 60_000, payExcessLater: true } },
    ),
  ],
  clawback: { windowDays: 60 },
});
// A retroactive table whose rate falls above USD 2,000: crossing the bound lowers the whole payout, on purpose.
const decelerating = plan({
  components: [
    {
      ...revenueComponent([
        { from: 0, to: 200_000, rateBps: 1_000 },
        { from: 200_000, to: null, rateBps: 200 },
      ]),
      tierMode: "retroactive",
    },
  ],
});
const run = { numRuns: 30 };

describe("incentiveLaws", () => {
  it("turns off the laws a plan declares away, and says why", () => {
    const suite = incentiveLaws(decelerating, run);
    expect(suite.laws.filter((l) => !l.enabled).map((l) => [l.name, l.reason])).toEqual([
      ["monotonic", "the plan declares a decelerator"],
      ["capsHold", "the plan has no cap"],
      ["marginalContinuity", "the plan has no marginal or interpolated table"],
      ["clawbackCancels", "the plan has no clawback policy"],
    ]);
    expect(incentiveLaws(marginal, run).laws.every((l) => l.enabled)).toBe(true);
  });

  it("passes on a sound plan, and runs only what is switched on", () => {
    expect(incentiveLaws(marginal, run).check()).toHaveLength(9);
    expect(incentiveLaws(marginal, { ...run, laws: { closedPeriodImmutable: false } }).check()).not.toContain(
      "closedPeriodImmutable",
    );
    expect(incentiveLaws(marginal, run).check("capsHold")).toEqual(["capsHold"]);
  });

  it("fails, naming the law and a counterexample, when a law is forced on against the plan", () => {
    const suite = incentiveLaws(decelerating, { ...run, laws: { monotonic: true } });
    expect(() => suite.check("monotonic")).toThrow(/incentive law "monotonic" violated: adding extra-0/);
    expect(() => suite.check()).toThrow(/1 incentive law\(s\) failed for test v1/);
  });

  it("catches a clawback that does not cancel: a retroactive lump paid from zero is a guarantee, not earnings", () => {
    const lump = plan({
      components: [
        {
          ...revenueComponent([
            { from: 0, to: 100_000, amount: 5_000 },
            { from: 100_000, to: null, amount: 20_000 },
          ]),
          tierMode: "retroactive",
        },
      ],
      clawback: { windowDays: 60 },
    });
    expect(() => incentiveLaws(lump, run).check("clawbackCancels")).toThrow(/clawbackCancels/);
  });

  it("checks a plan correction: the closed period is settled exactly under the new version", () => {
    const v2: PlanDefinition = definePlan({
      ...marginal,
      version: 2,
      components: [revenueComponent([{ from: 0, to: null, rateBps: 650 }])],
    });
    expect(incentiveLaws(marginal, { ...run, correction: v2 }).check("closedPeriodImmutable")).toEqual([
      "closedPeriodImmutable",
    ]);
  });

  it("registers one test per law, the off ones as skipped, and needs a runner", () => {
    const names: string[] = [];
    const skipped: string[] = [];
    const it = Object.assign((name: string) => void names.push(name), {
      skip: (name: string) => void skipped.push(name),
    });
    incentiveLaws(decelerating, run).register({ describe: (_n, body) => body(), it });
    expect(names).toHaveLength(5);
    expect(skipped).toEqual([
      "payout is monotonic in credit (within rounding): off, the plan declares a decelerator",
      "caps hold in every period: off, the plan has no cap",
      "marginal and interpolated tiers are continuous at the boundaries: off, the plan has no marginal or interpolated table",
      "a clawback exactly cancels its original, at the original rates: off, the plan has no clawback policy",
    ]);
    let error: unknown;
    try {
      incentiveLaws(marginal).register();
    } catch (e) {
      error = e;
    }
    expect(isValidationError(error)).toBe(true);
  });

  it("rejects an invalid plan", () => {
    expect(() => incentiveLaws({ ...marginal, components: [{ ...marginal.components[0]!, tiers: [] }] })).toThrow(
      /definePlan/,
    );
  });
});

describe("incentiveLaws options", () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
      return error as { path: readonly PropertyKey[]; issues: readonly { path: readonly PropertyKey[] }[] };
    }
    throw new Error("the options were accepted");
  };
  const refusedAt = (options: unknown) =>
    refusal(() => incentiveLaws(marginal, options as Parameters<typeof incentiveLaws>[1])).path;

  it("refuses a law name it does not know, and a switch that is not a boolean", () => {
    expect(refusedAt({ laws: { capHold: false } })).toEqual(["laws", "capHold"]);
    expect(refusedAt({ laws: { monotonic: "off" } })).toEqual(["laws", "monotonic"]);
  });

  it("refuses a quota for a component the plan does not have, or one that is not a positive integer", () => {
    expect(refusedAt({ quota: { "new-busines": 1 } })).toEqual(["quota", "new-busines"]);
    expect(refusedAt({ quota: { nb: 0 } })).toEqual(["quota", "nb"]);
    expect(refusedAt({ quota: { nb: 1.5 } })).toEqual(["quota", "nb"]);
    expect(refusedAt({ quotas: [{ componentId: "new-busines", periodId: "2026-01", amount: 1 }] })).toEqual([
      "quotas",
      0,
      "componentId",
    ]);
    expect(refusedAt({ quotas: [{ componentId: "nb", periodId: "2026-01", amount: -1 }] })).toEqual([
      "quotas",
      0,
      "amount",
    ]);
    expect(refusedAt({ quota: { nb: 1 }, quotas: [{ componentId: "nb", periodId: "2026-01", amount: 1 }] })).toEqual([
      "quotas",
    ]);
  });

  it("refuses runs that are not a positive integer and a seed that is not an integer", () => {
    expect(refusedAt({ numRuns: -5 })).toEqual(["numRuns"]);
    expect(refusedAt({ numRuns: 0 })).toEqual(["numRuns"]);
    expect(refusedAt({ numRuns: 2.5 })).toEqual(["numRuns"]);
    expect(refusedAt({ seed: "abc" })).toEqual(["seed"]);
    expect(refusedAt({ seed: 0.5 })).toEqual(["seed"]);
    expect(refusedAt({ maxAmount: 0 })).toEqual(["maxAmount"]);
  });

  it("refuses periods that are not two consecutive periods of the plan's calendar", () => {
    expect(refusedAt({ periods: ["2026-01", "2026-05"] })).toEqual(["periods", 1]);
    expect(refusedAt({ periods: ["2026-02", "2026-01"] })).toEqual(["periods", 1]);
    expect(refusedAt({ periods: ["2026-13", "2026-02"] })).toEqual(["periods", 0]);
    expect(refusedAt({ periods: ["2026-Q1", "2026-Q2"] })).toEqual(["periods", 0]);
    expect(refusedAt({ periods: ["2026-01"] })).toEqual(["periods"]);
  });

  it("refuses an option it does not know", () => {
    expect(refusedAt({ numruns: 5 })).toEqual(["numruns"]);
    expect(refusedAt("fast")).toEqual([]);
  });

  it("lists every bad option at once", () => {
    const error = refusal(() =>
      incentiveLaws(marginal, {
        laws: { capHold: false },
        quota: { "new-busines": 1 },
        numRuns: -5,
        seed: "abc",
        periods: ["2026-01", "2026-05"],
      } as unknown as Parameters<typeof incentiveLaws>[1]),
    );
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([["laws", "capHold"], ["quota", "new-busines"], ["numRuns"], ["seed"], ["periods", 1]]),
    );
  });

  it("refuses to check a law it does not know", () => {
    const suite = incentiveLaws(marginal, run);
    expect(refusal(() => suite.check("nope" as never)).path).toEqual(["name"]);
  });

  it("accepts the valid options, and a law that is off is not run", () => {
    const suite = incentiveLaws(marginal, {
      laws: { capsHold: false, monotonic: true },
      quota: { nb: 2_000_000 },
      periods: ["2026-03", "2026-04"],
      maxAmount: 300_000,
      numRuns: 10,
      seed: 42,
    });
    expect(suite.check("idempotent")).toEqual(["idempotent"]);
    expect(suite.check("capsHold")).toEqual([]);
    expect(
      incentiveLaws(marginal, {
        quotas: [{ componentId: "nb", periodId: "2026-01", amount: 1_000_000 }],
        periods: ["2025-12", "2026-01"],
        numRuns: 5,
      }).laws,
    ).toHaveLength(9);
  });
});

describe("incentive arbitraries", () => {
  it("split deals: shares total 10,000 bps and credits sum to the deal", () => {
    fc.assert(
      fc.property(arbSplitDeal(), ({ deal, credits }) => {
        const total = (f: (c: (typeof credits)[number]) => number) => credits.reduce((s, c) => s + f(c), 0);
        expect(total((c) => c.shareBps)).toBe(10_000);
        expect(total((c) => c.amount.amount)).toBe(deal.amount);
        expect(total((c) => c.margin!.amount)).toBe(deal.margin);
        expect(total((c) => c.units!)).toBe(deal.units);
        expect(new Set(credits.map((c) => c.repId)).size).toBe(credits.length);
      }),
    );
  });

  it("refunds reference their original, are negative and never exceed it", () => {
    fc.assert(
      fc.property(
        arbIncentiveCredits({ minLength: 1, maxLength: 1 }).chain(([c]) =>
          arbRefundOf(c!, { maxDays: 10 }).map((r) => [c!, r] as const),
        ),
        ([c, r]) => {
          expect(r.reversesCreditId).toBe(c.creditId);
          expect(["refund", "cancellation"]).toContain(r.source.kind);
          expect(r.amount.amount).toBeLessThan(0);
          expect(-r.amount.amount).toBeLessThanOrEqual(c.amount.amount);
          expect(Date.parse(r.creditedAt) - Date.parse(c.creditedAt)).toBeLessThanOrEqual(10 * 86_400_000);
        },
      ),
    );
  });

  it("credits stay in their window with unique ids; periods are the plan's own", () => {
    fc.assert(
      fc.property(
        arbIncentivePlan().chain((p) => fc.tuple(fc.constant(p), arbPlanPeriod(p))),
        ([p, id]) => {
          expect(planPeriods(p, 3).map((x) => x.id)).toContain(id);
        },
      ),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(
        arbIncentiveCredits({ from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z", maxLength: 10 }),
        (credits) => {
          expect(new Set(credits.map((c) => c.creditId)).size).toBe(credits.length);
          for (const c of credits) expect(c.creditedAt >= "2026-03-01" && c.creditedAt < "2026-04-01").toBe(true);
        },
      ),
    );
  });
});
