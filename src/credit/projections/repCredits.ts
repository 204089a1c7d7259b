import { defineProjection } from "../../core/index.ts";
import { creditEvents } from "../events.ts";

/**
 * A rep's credit totals in one currency, in minor units. `revenue` is the rep's share of sales (what attainment
 * counts: the split share, never the order total); `overlay` is credited on top and never rolls up.
 *
 * @example
 * ```ts
 * const t: RepCreditTotals = { revenue: 480_000, overlay: 0, reversed: 0, credits: 1 };
 * ```
 */
export interface RepCreditTotals {
  /** Net revenue credit: originals less reversals. */
  revenue: number;
  /** Net overlay credit. */
  overlay: number;
  /** The reversals included above, as a negative number (revenue and overlay). */
  reversed: number;
  /** How many credit events (originals and reversals). */
  credits: number;
}

/**
 * The state of {@link repCredits}: per rep, per currency.
 *
 * @example
 * ```ts
 * state.byRep["rep-ana"]?.USD?.revenue;
 * ```
 */
export interface RepCreditsState {
  readonly byRep: Record<string, Record<string, RepCreditTotals>>;
}

/**
 * Credit totals per rep and currency, net of refunds and cancellations. For period attainment, bucket
 * `SalesCreditAssigned.creditedAt` with the periods module; for manager roll-ups, sum the team's `revenue` (revenue
 * splits of a sale total 100 %, so nothing counts twice) and leave `overlay` out.
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, repCredits);
 * state.byRep["rep-ana"]?.USD?.revenue;
 * ```
 */
export const repCredits = /* @__PURE__ */ defineProjection({
  name: "repCredits",
  events: creditEvents,
  initialState: (): RepCreditsState => ({ byRep: {} }),
  handlers: {
    SalesCreditAssigned: (s, e) => {
      const d = e.data;
      const byCurrency = (s.byRep[d.repId] ??= {});
      const t = (byCurrency[d.amount.currency] ??= { revenue: 0, overlay: 0, reversed: 0, credits: 0 });
      if (d.splitType === "revenue") t.revenue += d.amount.amount;
      else t.overlay += d.amount.amount;
      if (d.reversesCreditId !== undefined) t.reversed += d.amount.amount;
      t.credits += 1;
    },
  },
});
