import { z } from "zod";
import { calendarDateSchema, moneySchema } from "../../core/index.ts";

/**
 * The kinds of statement line.
 * - `tier`: earnings on a slice of the measure at one tier's rate (and accelerator multiplier);
 * - `gate`: earnings withheld because attainment is below the gate;
 * - `previously_earned`: the true-up deduction, what earlier periods of the same window already earned;
 * - `clawback` / `clawback_outside_window`: a reversal at the original rates, or a note that it is too late to claw;
 * - `cap` / `excess_release`: the amount above the cap, and a later release of carried excess;
 * - `floor` / `shortfall_recovery`: the top-up to the floor, and its later recovery;
 * - `hold` / `hold_release`: earnings on unpaid invoices withheld, and released when the invoice is paid;
 * - `spiff`, `bonus`, `mbo`: SPIFF, goal bonus and MBO bonus payouts (and their clawbacks, kind `clawback`);
 * - `draw` / `draw_recovery`: the draw paid up to the guaranteed minimum, and its recovery;
 * - `prior_period_adjustment`: the difference between a closed period as recalculated now and as paid.
 *
 * @example
 * ```ts
 * const kind: StatementLineKind = "prior_period_adjustment";
 * ```
 */
export const statementLineKindSchema = z.enum([
  "tier",
  "gate",
  "previously_earned",
  "clawback",
  "clawback_outside_window",
  "cap",
  "excess_release",
  "floor",
  "shortfall_recovery",
  "hold",
  "hold_release",
  "spiff",
  "bonus",
  "mbo",
  "draw",
  "draw_recovery",
  "prior_period_adjustment",
]);

/**
 * A kind of statement line (see {@link statementLineKindSchema}).
 *
 * @example
 * ```ts
 * const kind: StatementLineKind = "tier";
 * ```
 */
export type StatementLineKind = z.infer<typeof statementLineKindSchema>;

const text = z.string().max(2000);

/**
 * One line of a statement, explained on its own: where it comes from (`creditIds`, `bucket`, `componentId`), how it
 * was computed (`tier`, `rate`, `multiplierBps`, `basis`), the exact amount before rounding (`exact`, minor units as
 * an exact decimal), the rounding applied (`rounding` = rounded − exact) and the rounded `amount`. `bucket` groups the
 * lines of one component, SPIFF, bonus or the draw (`component:<id>`, `spiff:<id>`, `bonus:<id>`, `draw`).
 *
 * @example
 * ```ts
 * const line: StatementLine = { lineId: "2026-01:component:nb:tier:1", kind: "tier", bucket: "component:nb",
 *   componentId: "nb", periodId: "2026-01", creditIds: ["c-1"], tier: { index: 1, from: 1_000_000, to: null },
 *   rate: "2%", multiplierBps: 10_000, basis: "500000", exact: "10000", exactFraction: "10000/1", rounding: "0",
 *   amount: { amount: 10_000, currency: "USD" }, explanation: "Tier 2 …" };
 * ```
 */
export const statementLineSchema = z.strictObject({
  lineId: z.string().min(1).max(300),
  kind: statementLineKindSchema,
  bucket: z.string().min(1).max(200),
  componentId: z.string().min(1).max(64).optional(),
  periodId: z.string().min(1).max(20),
  adjustsPeriodId: z.string().min(1).max(20).optional(),
  creditIds: z.array(z.string().min(1)).max(1_000_000),
  tier: z
    .strictObject({
      index: z.number().int().min(0),
      from: z.number().int(),
      to: z.number().int().nullable(),
      label: z.string().max(80).optional(),
    })
    .optional(),
  rate: text.optional(),
  multiplierBps: z.number().int().min(0).optional(),
  basis: text.optional(),
  exact: z.string().min(1).max(400),
  exactFraction: z
    .string()
    .regex(/^-?\d+\/\d+$/)
    .max(400),
  rounding: z.string().min(1).max(400),
  amount: moneySchema,
  heldUntil: text.optional(),
  payableOn: calendarDateSchema.optional(),
  explanation: text,
});

/**
 * One statement line (see {@link statementLineSchema}).
 *
 * @example
 * ```ts
 * const why = (line: StatementLine) => `${line.explanation} (${line.exact} before rounding, ${line.rounding} rounding)`;
 * ```
 */
export type StatementLine = z.infer<typeof statementLineSchema>;

/**
 * An amount withheld until an invoice is paid, carried in the balances until its release.
 *
 * @example
 * ```ts
 * const held: HeldAmount = { bucket: "component:nb", sourceId: "o-7", creditIds: ["c-9"], amount: 12_500, periodId: "2026-01" };
 * ```
 */
export const heldAmountSchema = z.strictObject({
  bucket: z.string().min(1).max(200),
  sourceId: z.string().min(1),
  creditIds: z.array(z.string().min(1)).max(100_000),
  amount: z.number().int(),
  periodId: z.string().min(1).max(20),
});

/**
 * An amount on hold (see {@link heldAmountSchema}).
 *
 * @example
 * ```ts
 * const total = (held: HeldAmount[]) => held.reduce((s, h) => s + h.amount, 0);
 * ```
 */
export type HeldAmount = z.infer<typeof heldAmountSchema>;

/**
 * The balances carried from one period to the next, in minor units: the draw balance due from the rep, per bucket
 * the excess above a cap still to pay and the floor shortfall still to recover, the true-up state of the bucket's
 * accumulation window (`windowId`, `earnedInWindow`), and the amounts on hold. Pass them as `opening` to start a
 * calculation without the history that produced them.
 *
 * @example
 * ```ts
 * const opening: StatementBalances = { drawBalance: 50_000, buckets: [], held: [] };
 * ```
 */
export const statementBalancesSchema = z.strictObject({
  drawBalance: z.number().int().min(0),
  buckets: z
    .array(
      z.strictObject({
        bucket: z.string().min(1).max(200),
        excess: z.number().int().min(0),
        shortfall: z.number().int().min(0),
        windowId: z.string().min(1).max(20).optional(),
        earnedInWindow: z.number().int(),
      }),
    )
    .max(500),
  held: z.array(heldAmountSchema).max(1_000_000),
});

/**
 * Balances carried across periods (see {@link statementBalancesSchema}).
 *
 * @example
 * ```ts
 * const none: StatementBalances = { drawBalance: 0, buckets: [], held: [] };
 * ```
 */
export type StatementBalances = z.infer<typeof statementBalancesSchema>;

/**
 * A component's figures for the period: the window-to-date measure (exact decimal in the measure's unit), the quota
 * and attainment when the component has one, and the tier reached.
 *
 * @example
 * ```ts
 * const s: ComponentSummary = { componentId: "nb", windowId: "2026-Q1", measure: "6000000", quota: "5000000",
 *   attainmentBps: "12000", tierIndex: 2, earnedInWindow: 41_000 };
 * ```
 */
export const componentSummarySchema = z.strictObject({
  componentId: z.string().min(1).max(64),
  windowId: z.string().min(1).max(20),
  measure: z.string().min(1).max(400),
  quota: z.string().max(400).optional(),
  attainmentBps: z.string().max(400).optional(),
  tierIndex: z.number().int().min(0),
  earnedInWindow: z.number().int(),
});

/**
 * A component's figures (see {@link componentSummarySchema}).
 *
 * @example
 * ```ts
 * const attained = (s: ComponentSummary) => s.attainmentBps ?? "n/a";
 * ```
 */
export type ComponentSummary = z.infer<typeof componentSummarySchema>;

/**
 * A rep's statement for one period: every line (its own and the prior-period adjustments), the `total` payable (the
 * sum of the lines), the exact total before rounding (`exactTotal` as a decimal, `exactTotalFraction` as `n/d`), the balances carried forward, and the plan version used.
 * Statements given back to `calculate` as history are closed: they are never changed, only adjusted.
 *
 * @example
 * ```ts
 * const statement: Statement = calculate(plan, inputs, "2026-03");
 * statement.lines.map((l) => l.explanation);
 * ```
 */
export const statementSchema = z.strictObject({
  repId: z.string().min(1),
  planId: z.string().min(1).max(64),
  planVersion: z.number().int().min(1),
  periodId: z.string().min(1).max(20),
  periodStart: z.string().min(1),
  periodEnd: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  roundingMode: z.string().min(1),
  lines: z.array(statementLineSchema).max(1_000_000),
  total: moneySchema,
  exactTotal: z.string().min(1).max(400),
  exactTotalFraction: z
    .string()
    .regex(/^-?\d+\/\d+$/)
    .max(400),
  components: z.array(componentSummarySchema).max(50),
  balances: statementBalancesSchema,
});

/**
 * A statement (see {@link statementSchema}).
 *
 * @example
 * ```ts
 * const payable = (s: Statement) => s.total;
 * ```
 */
export type Statement = z.infer<typeof statementSchema>;
