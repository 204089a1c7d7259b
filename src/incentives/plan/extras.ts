import { z } from "zod";
import { instantSchema } from "../../core/index.ts";
import { planIdSchema } from "./component.ts";

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * A SPIFF: a short incentive on credits dated in `[from, to)`, optionally limited to products. It pays per qualifying
 * credit either a `fixed` amount (minor units, times the credit's share, at most 100%) or a `percentage` (basis points
 * of the credited amount). Credits below `minCreditAmount` do not qualify.
 *
 * @example
 * ```ts
 * const spiff: Spiff = { id: "q3-push", name: "Q3 push", productIds: ["p-pro"], from: "2026-07-01T00:00:00Z",
 *   to: "2026-10-01T00:00:00Z", payout: { kind: "fixed", amount: 25_000 } };
 * ```
 */
export const spiffSchema = z.strictObject({
  id: planIdSchema,
  name: z.string().min(1).max(120),
  productIds: z.array(z.string().min(1).max(128)).min(1).max(1000).optional(),
  from: instantSchema,
  to: instantSchema,
  payout: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("fixed"), amount: z.number().int().min(1).max(MAX) }),
    z.strictObject({ kind: z.literal("percentage"), rateBps: z.number().int().min(1).max(100_000) }),
  ]),
  minCreditAmount: z.number().int().min(0).max(MAX).optional(),
});

/**
 * A SPIFF (see {@link spiffSchema}).
 *
 * @example
 * ```ts
 * const pct: Spiff = { id: "launch", name: "Launch", from: "2026-07-01T00:00:00Z", to: "2026-08-01T00:00:00Z",
 *   payout: { kind: "percentage", rateBps: 200 } };
 * ```
 */
export type Spiff = z.infer<typeof spiffSchema>;

/**
 * A bonus. `goal`: a lump `amount` once the window-to-date attainment of `componentId` reaches `thresholdBps`
 * (trued up like a component, so it is paid once per window). `mbo`: an amount driven by an appraisal score on a
 * declared scale: `targetAmount × (score − scale.min) / (scale.max − scale.min)`, nothing below `minScore`.
 *
 * @example
 * ```ts
 * const club: Bonus = { kind: "goal", id: "club", name: "100% club", componentId: "new-business",
 *   thresholdBps: 10_000, amount: 500_000 };
 * const mbo: Bonus = { kind: "mbo", id: "mbo", name: "Objectives", scale: { min: 1, max: 5 }, targetAmount: 200_000 };
 * ```
 */
export const bonusSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("goal"),
    id: planIdSchema,
    name: z.string().min(1).max(120),
    componentId: planIdSchema,
    thresholdBps: z.number().int().min(1).max(1_000_000),
    amount: z.number().int().min(1).max(MAX),
  }),
  z.strictObject({
    kind: z.literal("mbo"),
    id: planIdSchema,
    name: z.string().min(1).max(120),
    scale: z.strictObject({ min: z.number().int().min(0).max(1000), max: z.number().int().min(1).max(1000) }),
    targetAmount: z.number().int().min(1).max(MAX),
    minScore: z.number().min(0).max(1000).optional(),
  }),
]);

/**
 * A goal or MBO bonus (see {@link bonusSchema}).
 *
 * @example
 * ```ts
 * const b: Bonus = { kind: "goal", id: "club", name: "Club", componentId: "c1", thresholdBps: 10_000, amount: 100_000 };
 * ```
 */
export type Bonus = z.infer<typeof bonusSchema>;

/**
 * A draw: a guaranteed minimum `amount` per period for the first `durationPeriods` periods (counted from the plan's
 * first period, or from the rep's participation start when later). When earnings fall short the draw makes up the
 * difference; a `recoverable` draw adds it to a balance due from the rep, recovered from period `recovery.fromPeriod`
 * at `recovery.rateBps` of the earnings above the minimum (above zero once the draw has ended), at most
 * `recovery.maxPerPeriod`, never more than the balance. The balance carries across periods.
 *
 * @example
 * ```ts
 * const draw: Draw = { amount: 100_000, durationPeriods: 6, recoverable: true,
 *   recovery: { fromPeriod: 4, rateBps: 10_000 } };
 * ```
 */
export const drawSchema = z.strictObject({
  amount: z.number().int().min(1).max(MAX),
  durationPeriods: z.number().int().min(1).max(120),
  recoverable: z.boolean(),
  recovery: z
    .strictObject({
      fromPeriod: z.number().int().min(1).max(240),
      rateBps: z.number().int().min(1).max(10_000),
      maxPerPeriod: z.number().int().min(1).max(MAX).optional(),
    })
    .optional(),
});

/**
 * A draw (see {@link drawSchema}).
 *
 * @example
 * ```ts
 * const guarantee: Draw = { amount: 300_000, durationPeriods: 3, recoverable: false };
 * ```
 */
export type Draw = z.infer<typeof drawSchema>;

/**
 * The clawback policy: a refund or cancellation credit that reverses a credit dated at most `windowDays` calendar days
 * earlier (in the plan's time zone) becomes a negative line at the original credit's rates; later reversals are shown
 * but not clawed back. Without a policy, reversals are ordinary negative credits in the measure.
 *
 * @example
 * ```ts
 * const clawback: ClawbackPolicy = { windowDays: 90 };
 * ```
 */
export const clawbackPolicySchema = z.strictObject({ windowDays: z.number().int().min(0).max(3650) });

/**
 * The clawback policy (see {@link clawbackPolicySchema}).
 *
 * @example
 * ```ts
 * const policy: ClawbackPolicy = { windowDays: 30 };
 * ```
 */
export type ClawbackPolicy = z.infer<typeof clawbackPolicySchema>;

/**
 * When earnings are payable: `earned` (in the period they are earned) or `invoice_paid` (component earnings on credits
 * whose invoice is not paid by the period's end are held, and released in the period the invoice is paid).
 *
 * @example
 * ```ts
 * const schedule: PaymentSchedule = { payWhen: "invoice_paid" };
 * ```
 */
export const paymentScheduleSchema = z.strictObject({ payWhen: z.enum(["earned", "invoice_paid"]) });

/**
 * The payment schedule (see {@link paymentScheduleSchema}).
 *
 * @example
 * ```ts
 * const schedule: PaymentSchedule = { payWhen: "earned" };
 * ```
 */
export type PaymentSchedule = z.infer<typeof paymentScheduleSchema>;

/**
 * Proration for new hires and leaves, by participation days over the calendar days of the interval (Oracle IC's
 * "Prorated Plan Component Participation"; both participation bounds inclusive; the factor is exact, never rounded).
 * `quota` prorates quotas by the window's participation; `fixedAmounts` prorates bonuses, MBO targets, caps, floors
 * and the draw by the period's participation.
 *
 * @example
 * ```ts
 * const proration: ProrationPolicy = { quota: true, fixedAmounts: true };
 * ```
 */
export const prorationPolicySchema = z.strictObject({ quota: z.boolean(), fixedAmounts: z.boolean() });

/**
 * The proration policy (see {@link prorationPolicySchema}).
 *
 * @example
 * ```ts
 * const quotaOnly: ProrationPolicy = { quota: true, fixedAmounts: false };
 * ```
 */
export type ProrationPolicy = z.infer<typeof prorationPolicySchema>;
