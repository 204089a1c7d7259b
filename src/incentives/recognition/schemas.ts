import { z } from "zod";
import { instantSchema, moneySchema } from "../../core/index.ts";

/**
 * The schema of a recognition id (badge, contest, rep): 1–128 characters.
 *
 * @example
 * ```ts
 * recognitionIdSchema.parse("first-deal");
 * ```
 */
export const recognitionIdSchema = z.string().min(1).max(128);

/**
 * A badge definition: a declarative rule evaluated at period end by `evaluateBadges`.
 * - `first_deal`: the rep's first won-deal credit ever (awarded once per rep);
 * - `attainment`: attainment of `componentId` (or of the best component) at or above `thresholdBps` in the period;
 * - `streak`: that attainment in `periods` consecutive periods ending with this one (awarded each period it holds);
 * - `top_csat`: the highest CSAT of the period among reps with at least `minResponses` answers (ties all win).
 * `once: true` awards a badge at most once per rep, whatever the period (implied for `first_deal`).
 *
 * @example
 * ```ts
 * const club: BadgeDefinition = { badgeId: "club", name: "100% club", kind: "attainment", thresholdBps: 10_000 };
 * ```
 */
export const badgeDefinitionSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    badgeId: recognitionIdSchema,
    name: z.string().min(1).max(120),
    kind: z.literal("first_deal"),
  }),
  z.strictObject({
    badgeId: recognitionIdSchema,
    name: z.string().min(1).max(120),
    kind: z.literal("attainment"),
    componentId: z.string().min(1).max(64).optional(),
    thresholdBps: z.number().int().min(1).max(1_000_000),
    once: z.boolean().optional(),
  }),
  z.strictObject({
    badgeId: recognitionIdSchema,
    name: z.string().min(1).max(120),
    kind: z.literal("streak"),
    componentId: z.string().min(1).max(64).optional(),
    thresholdBps: z.number().int().min(1).max(1_000_000),
    periods: z.number().int().min(2).max(120),
    once: z.boolean().optional(),
  }),
  z.strictObject({
    badgeId: recognitionIdSchema,
    name: z.string().min(1).max(120),
    kind: z.literal("top_csat"),
    minResponses: z.number().int().min(1).max(100_000),
    once: z.boolean().optional(),
  }),
]);

/**
 * A badge definition (see {@link badgeDefinitionSchema}).
 *
 * @example
 * ```ts
 * const streak: BadgeDefinition = { badgeId: "hat-trick", name: "Hat-trick", kind: "streak", thresholdBps: 10_000, periods: 3 };
 * ```
 */
export type BadgeDefinition = z.infer<typeof badgeDefinitionSchema>;

/**
 * A badge award, as `evaluateBadges` proposes it and `BadgeAwarded` records it. `awardKey` makes awarding
 * idempotent: `<badgeId>|<repId>|<periodId>`, or `<badgeId>|<repId>` for a once-only badge.
 *
 * @example
 * ```ts
 * const award: BadgeAward = { badgeId: "club", name: "100% club", repId: "rep-ana", periodId: "2026-03",
 *   periodEnd: "2026-04-01T00:00:00.000Z", awardKey: "club|rep-ana|2026-03", evidence: "attainment 112.5% ≥ 100%" };
 * ```
 */
export const badgeAwardSchema = z.strictObject({
  badgeId: recognitionIdSchema,
  name: z.string().min(1).max(120),
  repId: recognitionIdSchema,
  periodId: z.string().min(1).max(20),
  periodEnd: instantSchema,
  awardKey: z.string().min(1).max(300),
  evidence: z.string().min(1).max(500),
});

/**
 * A badge award (see {@link badgeAwardSchema}).
 *
 * @example
 * ```ts
 * const keyOf = (a: BadgeAward) => a.awardKey;
 * ```
 */
export type BadgeAward = z.infer<typeof badgeAwardSchema>;

/**
 * A prize: a label and, optionally, a cash amount.
 *
 * @example
 * ```ts
 * const prize: Prize = { label: "Weekend in Lisbon", cash: { amount: 100_000, currency: "EUR" } };
 * ```
 */
export const prizeSchema = z.strictObject({
  label: z.string().min(1).max(200),
  cash: moneySchema.optional(),
});

/**
 * A prize (see {@link prizeSchema}).
 *
 * @example
 * ```ts
 * const p: Prize = { label: "Trophy" };
 * ```
 */
export type Prize = z.infer<typeof prizeSchema>;

/**
 * A contest, as in Zoho Motivator: a metric counted over `[from, to)`, and prizes either by rank (`rank`: the 1st,
 * 2nd… place after the leaderboard's tie-break) or by target (`target`: everyone whose value reaches `target`).
 * `metric` names what the caller measures (e.g. `revenue`, `deals_won`, `calls`); values are integers (minor units
 * for money). `minValue` excludes reps below it from rank prizes.
 *
 * @example
 * ```ts
 * const contest: Contest = { contestId: "q3-blitz", name: "Q3 blitz", metric: "revenue", from: "2026-07-01T00:00:00Z",
 *   to: "2026-10-01T00:00:00Z", prizes: [{ kind: "rank", rank: 1, prize: { label: "Gold" } },
 *   { kind: "target", target: 5_000_000, prize: { label: "Club dinner" } }] };
 * ```
 */
export const contestSchema = z.strictObject({
  contestId: recognitionIdSchema,
  name: z.string().min(1).max(120),
  metric: z.string().min(1).max(64),
  from: instantSchema,
  to: instantSchema,
  prizes: z
    .array(
      z.discriminatedUnion("kind", [
        z.strictObject({ kind: z.literal("rank"), rank: z.number().int().min(1).max(1000), prize: prizeSchema }),
        z.strictObject({
          kind: z.literal("target"),
          target: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
          prize: prizeSchema,
        }),
      ]),
    )
    .min(1)
    .max(100),
  minValue: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/**
 * A contest (see {@link contestSchema}).
 *
 * @example
 * ```ts
 * const ends = (c: Contest) => c.to;
 * ```
 */
export type Contest = z.infer<typeof contestSchema>;

/**
 * One rep's value of a metric: the input of leaderboards and contests. `reachedAt`, when known, is when the rep
 * reached the value (the instant of the last contributing event): it breaks ties in favour of who got there first.
 *
 * @example
 * ```ts
 * const entry: MetricEntry = { repId: "rep-ana", value: 4_200_000, reachedAt: "2026-07-28T15:00:00.000Z" };
 * ```
 */
export const metricEntrySchema = z.strictObject({
  repId: recognitionIdSchema,
  value: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  reachedAt: instantSchema.optional(),
});

/**
 * A metric entry (see {@link metricEntrySchema}).
 *
 * @example
 * ```ts
 * const e: MetricEntry = { repId: "rep-bo", value: 12 };
 * ```
 */
export type MetricEntry = z.infer<typeof metricEntrySchema>;
