// fast-check arbitraries for the engine's property tests: plans valid by construction, and credits.
import fc from "fast-check";
import type { PlanDefinition } from "../../../../src/incentives/plan/index.ts";
import { type Credit, credit, plan } from "./fixtures.ts";

type ComponentDef = PlanDefinition["components"][number];

export interface PlanOptions {
  /** Allow caps and floors (off for laws that reason about raw earnings). */
  readonly adjustments?: boolean;
  /** Only these tier modes. */
  readonly modes?: readonly ComponentDef["tierMode"][];
}

/** Ascending tier tables (rising rates or amounts), so payout is monotonic in credit. */
export const tiersArb = (mode: ComponentDef["tierMode"]) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 300_000 }), { minLength: mode === "interpolated" ? 1 : 0, maxLength: 4 })
    .chain((bounds) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      const n = mode === "interpolated" ? sorted.length : sorted.length + 1;
      return fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: n, maxLength: n }).map((raw) => {
        const pay = [...raw].sort((a, b) => a - b);
        return pay.map((v, i) => {
          const from = i === 0 ? 0 : (sorted[i - 1] as number);
          const to = i < sorted.length ? (sorted[i] as number) : null;
          return mode === "interpolated" ? { from, to, amount: v * 10 } : { from, to, rateBps: v };
        });
      });
    });

/** A monthly revenue plan with one component, valid by construction. */
export const planArb = (options: PlanOptions = {}) =>
  fc
    .record({
      mode: fc.constantFrom(...(options.modes ?? (["retroactive", "marginal", "interpolated"] as const))),
      evaluation: fc.constantFrom("cumulative" as const, "per_transaction" as const),
      boundary: fc.constantFrom("upper" as const, "lower" as const),
      accelerator: fc.option(
        fc.record({
          fromAttainmentBps: fc.integer({ min: 5_000, max: 20_000 }),
          multiplierBps: fc.integer({ min: 10_000, max: 30_000 }),
        }),
      ),
      gate: fc.option(fc.integer({ min: 1, max: 8_000 })),
      cap: options.adjustments
        ? fc.option(fc.record({ amount: fc.integer({ min: 0, max: 20_000 }), payExcessLater: fc.boolean() }))
        : fc.constant(null),
      floor: options.adjustments
        ? fc.option(fc.record({ amount: fc.integer({ min: 0, max: 5_000 }), recoverShortfall: fc.boolean() }))
        : fc.constant(null),
      rounding: fc.constantFrom("half_up" as const, "half_even" as const, "down" as const, "ceiling" as const),
    })
    .chain((o) =>
      tiersArb(o.mode).map((tiers) => {
        const component: ComponentDef = {
          id: "nb",
          name: "New business",
          measure: { kind: "revenue" },
          evaluation: o.evaluation,
          tierMode: o.mode,
          boundary: o.boundary,
          tiers,
          ...(o.accelerator && o.evaluation === "cumulative" && { accelerators: [o.accelerator] }),
          ...(o.gate !== null && { gate: { minAttainmentBps: o.gate } }),
          ...(o.cap !== null && { cap: o.cap }),
          ...(o.floor !== null && { floor: o.floor }),
        };
        return plan({ rounding: { mode: o.rounding }, components: [component], clawback: { windowDays: 90 } });
      }),
    );

/** Quotas for the component in January and February 2026. */
export const quotas = [
  { componentId: "nb", periodId: "2026-01", amount: 200_000 },
  { componentId: "nb", periodId: "2026-02", amount: 200_000 },
];

/** Positive credits dated in January 2026. */
export const creditsArb = (minLength = 0) =>
  fc
    .array(fc.record({ amount: fc.integer({ min: 1, max: 150_000 }), day: fc.integer({ min: 1, max: 28 }) }), {
      minLength,
      maxLength: 8,
    })
    .map((rows): Credit[] =>
      rows.map((r, i) => credit(`c${i}`, r.amount, `2026-01-${String(r.day).padStart(2, "0")}T10:00:00Z`)),
    );
