import { describe, expect, it } from "vitest";
import { isValidationError, type ValidationError } from "../../../../src/index.ts";
import { definePlan, planDeclaresDecelerator, type Tier } from "../../../../src/incentives/plan/index.ts";
import { plan, revenueComponent } from "../support/fixtures.ts";

function issuesOf(fn: () => unknown): ValidationError["issues"] {
  try {
    fn();
  } catch (error) {
    if (isValidationError(error)) return error.issues;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

const withTiers =
  (tiers: Tier[], options = {}) =>
  () =>
    plan({ components: [revenueComponent(tiers, options)] });

describe("definePlan: rate tables", () => {
  it("accepts contiguous half-open tiers from 0 to an unbounded last tier, and freezes the plan", () => {
    const p = plan({
      components: [
        revenueComponent([
          { from: 0, to: 100, rateBps: 100 },
          { from: 100, to: null, rateBps: 200 },
        ]),
      ],
    });
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.components[0]?.tiers[1])).toBe(true);
  });

  it("names the tiers that leave a gap (tier_gap)", () => {
    const issues = issuesOf(
      withTiers([
        { from: 0, to: 100, rateBps: 100 },
        { from: 150, to: null, rateBps: 200 },
      ]),
    );
    expect(issues).toEqual([
      {
        code: "tier_gap",
        path: ["components", 0, "tiers", 1, "from"],
        message: "tiers[0] [0, 100) and tiers[1] [150, ∞) leave [100, 150) uncovered",
      },
    ]);
  });

  it("names the tiers that overlap (tier_overlap), including after an unbounded tier", () => {
    expect(
      issuesOf(
        withTiers([
          { from: 0, to: 100, rateBps: 100 },
          { from: 80, to: null, rateBps: 200 },
        ]),
      ),
    ).toEqual([
      {
        code: "tier_overlap",
        path: ["components", 0, "tiers", 1, "from"],
        message: "tiers[0] [0, 100) and tiers[1] [80, ∞) overlap on [80, 100)",
      },
    ]);
    const codes = issuesOf(
      withTiers([
        { from: 0, to: null, rateBps: 100 },
        { from: 100, to: null, rateBps: 200 },
      ]),
    ).map((i) => i.code);
    expect(codes).toEqual(["tier_overlap"]);
  });

  it("requires the first tier to start at 0 and the range to be covered", () => {
    expect(issuesOf(withTiers([{ from: 10, to: null, rateBps: 100 }])).map((i) => [i.code, i.path])).toEqual([
      ["tier_gap", ["components", 0, "tiers", 0, "from"]],
    ]);
    expect(issuesOf(withTiers([{ from: 0, to: 100, rateBps: 100 }])).map((i) => i.code)).toEqual([
      "tier_range_not_covered",
    ]);
    const empty = withTiers([
      { from: 0, to: 50, rateBps: 1 },
      { from: 50, to: 50, rateBps: 1 },
      { from: 50, to: null, rateBps: 1 },
    ]);
    expect(issuesOf(empty).map((i) => [i.code, i.path])).toEqual([
      ["tier_empty_range", ["components", 0, "tiers", 1, "to"]],
    ]);
  });

  it("needs a bounded last point for an interpolated curve", () => {
    const codes = issuesOf(withTiers([{ from: 0, to: null, amount: 100 }], { tierMode: "interpolated" })).map(
      (i) => i.code,
    );
    expect(codes).toEqual(["tier_unbounded_interpolation"]);
  });

  it("checks the payout fields: exactly one, one kind per table, allowed by mode and measure", () => {
    expect(issuesOf(withTiers([{ from: 0, to: null }])).map((i) => i.code)).toEqual(["tier_payout_missing"]);
    expect(issuesOf(withTiers([{ from: 0, to: null, rateBps: 1, amount: 1 }])).map((i) => i.code)).toEqual([
      "tier_payout_ambiguous",
    ]);
    expect(
      issuesOf(
        withTiers([
          { from: 0, to: 10, rateBps: 1 },
          { from: 10, to: null, amount: 1 },
        ]),
      ).map((i) => i.code),
    ).toEqual(["tier_payout_mixed"]);
    expect(issuesOf(withTiers([{ from: 0, to: null, amount: 1 }])).map((i) => i.code)).toEqual([
      "tier_payout_not_allowed",
    ]);
    const units = () =>
      plan({ components: [revenueComponent([{ from: 0, to: null, rateBps: 100 }], { measure: { kind: "units" } })] });
    expect(issuesOf(units).map((i) => i.code)).toEqual(["tier_payout_not_allowed"]);
  });
});

describe("definePlan: components and the plan", () => {
  const tiers = [{ from: 0, to: null, rateBps: 100 }];

  it("reports combinations without meaning", () => {
    const bad = () =>
      plan({
        components: [
          revenueComponent(tiers, {
            evaluation: "per_transaction",
            measure: { kind: "attainment", of: "revenue" },
            accelerators: [
              { fromAttainmentBps: 10_000, multiplierBps: 15_000 },
              { fromAttainmentBps: 10_000, multiplierBps: 20_000 },
            ],
            ramp: [
              { periodNumber: 1, quotaBps: 5_000 },
              { periodNumber: 1, quotaBps: 6_000 },
            ],
          }),
        ],
      });
    expect(issuesOf(bad).map((i) => i.code)).toEqual([
      "accelerators_not_ascending",
      "per_transaction_attainment",
      "accelerator_requires_cumulative",
      "duplicate_ramp_period",
    ]);
  });

  it("rejects duplicate ids, unknown components, empty windows and misaligned accumulation", () => {
    const bad = () =>
      plan({
        components: [revenueComponent(tiers), revenueComponent(tiers, { accumulation: "week" })],
        spiffs: [
          {
            id: "s",
            name: "S",
            from: "2026-02-01T00:00:00Z",
            to: "2026-01-01T00:00:00Z",
            payout: { kind: "fixed", amount: 1 },
          },
        ],
        bonuses: [{ kind: "goal", id: "b", name: "B", componentId: "nope", thresholdBps: 10_000, amount: 1 }],
        draw: { amount: 1, durationPeriods: 1, recoverable: false, recovery: { fromPeriod: 1, rateBps: 1 } },
      });
    expect(issuesOf(bad).map((i) => i.code)).toEqual([
      "duplicate_id",
      "accumulation_not_aligned",
      "empty_spiff_window",
      "unknown_component",
      "recovery_of_non_recoverable_draw",
    ]);
  });

  it("accepts instants or period ids as effective dates and rejects anything else", () => {
    expect(plan({ components: [], effectiveFrom: "2026-01-01T00:00:00Z", effectiveTo: "2026-07" }).effectiveTo).toBe(
      "2026-07",
    );
    expect(issuesOf(() => plan({ components: [], effectiveFrom: "soon" })).map((i) => i.code)).toEqual([
      "invalid_effective_date",
    ]);
    expect(issuesOf(() => plan({ components: [], effectiveTo: "2025-12" })).map((i) => i.code)).toEqual([
      "empty_effective_range",
    ]);
  });

  it("rejects a bad calendar, a fiscal kind without fiscal settings, unknown keys and bad shapes", () => {
    expect(
      issuesOf(() => plan({ components: [], calendar: { timeZone: "Mars/Olympus" } })).map((i) => i.path[0]),
    ).toEqual(["calendar"]);
    expect(issuesOf(() => plan({ components: [], periodKind: "fiscal_month" })).map((i) => i.code)).toContain(
      "fiscal_not_configured",
    );
    expect(issuesOf(() => definePlan({ ...plan({ components: [] }), extra: 1 })).map((i) => i.code)).toEqual([
      "unrecognized_keys",
    ]);
    expect(issuesOf(() => definePlan({ ...plan({ components: [] }), version: 0 })).map((i) => i.path)).toEqual([
      ["version"],
    ]);
  });
});

describe("planDeclaresDecelerator", () => {
  it("is true for a multiplier below 100% or a falling retroactive table, false otherwise", () => {
    const tiers = [
      { from: 0, to: 100, rateBps: 300 },
      { from: 100, to: null, rateBps: 200 },
    ];
    expect(planDeclaresDecelerator(plan({ components: [revenueComponent(tiers)] }))).toBe(false);
    expect(planDeclaresDecelerator(plan({ components: [revenueComponent(tiers, { tierMode: "retroactive" })] }))).toBe(
      true,
    );
    const slow = revenueComponent([{ from: 0, to: null, rateBps: 100 }], {
      accelerators: [{ fromAttainmentBps: 15_000, multiplierBps: 5_000 }],
    });
    expect(planDeclaresDecelerator(plan({ components: [slow] }))).toBe(true);
  });
});
