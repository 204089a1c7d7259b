import { z } from "zod";
import { calendarDateSchema } from "../core/index.ts";
import { memberRoleSchema } from "../team/index.ts";

/** @internal An id: 1 to 128 characters. */
export const _id = z.string().min(1).max(128);

/**
 * The names a custom formula may call; no KPI may be named after one.
 *
 * @example
 * ```ts
 * FORMULA_FUNCTIONS.includes("mean"); // true
 * ```
 */
export const FORMULA_FUNCTIONS = Object.freeze(["min", "max", "mean", "coalesce", "clamp", "weighted"] as const);

/**
 * A KPI id: a lower-case identifier (a letter, then letters, digits or `_`, at most 64), so that a custom formula can
 * name it; the formula's function names are reserved.
 *
 * @example
 * ```ts
 * kpiIdSchema.parse("quota_attainment");
 * kpiIdSchema.safeParse("Quota").success; // false
 * ```
 */
export const kpiIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { message: "a KPI id is a lower-case identifier of at most 64 characters" })
  .refine((id) => !(FORMULA_FUNCTIONS as readonly string[]).includes(id), {
    message: "a KPI id may not be a formula function name",
  });

/**
 * A scoring scale of any size: whole points from `min` to `max` (1–5 stars, 0–100, 1–10…). `max` must exceed `min`
 * (rule `kpi_scoring_invalid`).
 *
 * @example
 * ```ts
 * const stars: Scale = { min: 1, max: 5 };
 * ```
 */
export const scaleSchema = z.strictObject({
  min: z.number().int().min(0).max(1000),
  max: z.number().int().min(0).max(1000),
});

/**
 * A scoring scale (see {@link scaleSchema}).
 *
 * @example
 * ```ts
 * const tenPoints: Scale = { min: 0, max: 10 };
 * ```
 */
export type Scale = z.infer<typeof scaleSchema>;

/**
 * The projections a computed KPI reads: goal attainment (bps), win rate (bps), activity count (interactions), CSAT
 * and NPS (bps), training completion (bps) and pipeline coverage (bps of the remaining target).
 *
 * @example
 * ```ts
 * computedMetricSchema.parse("win_rate");
 * ```
 */
export const computedMetricSchema = z.enum([
  "goal_attainment",
  "win_rate",
  "activity_count",
  "csat",
  "nps",
  "training_completion",
  "pipeline_coverage",
]);

/**
 * A metric a computed KPI reads.
 *
 * @example
 * ```ts
 * const m: ComputedMetric = "goal_attainment";
 * ```
 */
export type ComputedMetric = z.infer<typeof computedMetricSchema>;

/**
 * Where a KPI's value comes from: `computed` from a projection (recorded in the cycle with `RecordKpiMeasurement`),
 * or `manual`, rated by the rep (`self`), the manager (`manager`) or the peers (`peers`, their mean) in their
 * feedback.
 *
 * @example
 * ```ts
 * const source: KpiSource = { kind: "manual", ratedBy: "manager" };
 * ```
 */
export const kpiSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("computed"), metric: computedMetricSchema }),
  z.strictObject({ kind: z.literal("manual"), ratedBy: z.enum(["self", "manager", "peers"]) }),
]);

/**
 * A KPI's source (see {@link kpiSourceSchema}).
 *
 * @example
 * ```ts
 * const source: KpiSource = { kind: "computed", metric: "win_rate" };
 * ```
 */
export type KpiSource = z.infer<typeof kpiSourceSchema>;

const bound = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);

/**
 * How a KPI's value becomes a rating on its scale:
 * - `direct`: the value is the rating (manual KPIs are always direct; a computed direct value must lie on the scale);
 * - `linear`: `from` maps to `scale.min` and `to` to `scale.max`, straight in between, clamped (`from > to` when lower
 *   is better);
 * - `thresholds`: bands with strictly ascending `atLeast`; the rating of the highest band the value reaches, and
 *   `scale.min` below the first band.
 *
 * @example
 * ```ts
 * const bands: KpiScoring = { kind: "thresholds", bands: [{ atLeast: 8000, rating: 3 }, { atLeast: 10_000, rating: 5 }] };
 * ```
 */
export const kpiScoringSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("direct") }),
  z.strictObject({ kind: z.literal("linear"), from: bound, to: bound }),
  z.strictObject({
    kind: z.literal("thresholds"),
    bands: z
      .array(z.strictObject({ atLeast: bound, rating: z.number().int().min(0).max(1000) }))
      .min(1)
      .max(50),
  }),
]);

/**
 * How a KPI is scored (see {@link kpiScoringSchema}).
 *
 * @example
 * ```ts
 * const linear: KpiScoring = { kind: "linear", from: 0, to: 12_000 };
 * ```
 */
export type KpiScoring = z.infer<typeof kpiScoringSchema>;

/**
 * A KPI of a review cycle: its source, its scale and scoring, and its weight in basis points. The weights of a
 * cycle's KPIs must total exactly 10,000 (rule `kpi_weights_total`).
 *
 * @example
 * ```ts
 * const kpi: KpiDefinition = { kpiId: "quota", name: "Quota attainment", source: { kind: "computed", metric: "goal_attainment" },
 *   scale: { min: 1, max: 5 }, scoring: { kind: "linear", from: 5000, to: 12_000 }, weightBps: 6000 };
 * ```
 */
export const kpiDefinitionSchema = z.strictObject({
  kpiId: kpiIdSchema,
  name: z.string().min(1).max(200),
  source: kpiSourceSchema,
  scale: scaleSchema,
  scoring: kpiScoringSchema,
  weightBps: z.number().int().min(0).max(10_000),
});

/**
 * A KPI definition (see {@link kpiDefinitionSchema}).
 *
 * @example
 * ```ts
 * const kpi: KpiDefinition = { kpiId: "coaching", name: "Coachability", source: { kind: "manual", ratedBy: "manager" },
 *   scale: { min: 1, max: 5 }, scoring: { kind: "direct" }, weightBps: 4000 };
 * ```
 */
export type KpiDefinition = z.infer<typeof kpiDefinitionSchema>;

/**
 * Who a review cycle is open to: members of any of `teamIds` and/or holding any of `roles`; an empty filter admits
 * everyone.
 *
 * @example
 * ```ts
 * const population: PopulationFilter = { teamIds: ["team-east"], roles: ["rep"] };
 * ```
 */
export const populationFilterSchema = z.strictObject({
  teamIds: z.array(_id).min(1).max(1000).optional(),
  roles: z.array(memberRoleSchema).min(1).max(4).optional(),
});

/**
 * A population filter (see {@link populationFilterSchema}).
 *
 * @example
 * ```ts
 * const everyone: PopulationFilter = {};
 * ```
 */
export type PopulationFilter = z.infer<typeof populationFilterSchema>;

/**
 * A participant of a cycle as resolved from the roster when added: the rep, their manager, team and roles.
 *
 * @example
 * ```ts
 * const p: Participant = { repId: "rep-ana", managerId: "mgr-li", teamId: "team-east", roles: ["rep"] };
 * ```
 */
export const participantSchema = z.strictObject({
  repId: _id,
  managerId: _id,
  teamId: _id.nullable(),
  roles: z.array(memberRoleSchema).max(4),
});

/**
 * A cycle participant (see {@link participantSchema}).
 *
 * @example
 * ```ts
 * const p: Participant = { repId: "rep-bo", managerId: "mgr-li", teamId: null, roles: ["rep", "overlay"] };
 * ```
 */
export type Participant = z.infer<typeof participantSchema>;

/**
 * A review period of any length: calendar dates, half-open `[start, end)`.
 *
 * @example
 * ```ts
 * const q3: CyclePeriod = { start: "2026-07-01", end: "2026-10-01" };
 * ```
 */
export const cyclePeriodSchema = z.strictObject({ start: calendarDateSchema, end: calendarDateSchema });

/**
 * A review period (see {@link cyclePeriodSchema}).
 *
 * @example
 * ```ts
 * const h1: CyclePeriod = { start: "2026-01-01", end: "2026-07-01" };
 * ```
 */
export type CyclePeriod = z.infer<typeof cyclePeriodSchema>;

/**
 * The kinds of feedback: the rep's `self` review, the `manager` review and `peer` feedback.
 *
 * @example
 * ```ts
 * feedbackKindSchema.parse("peer");
 * ```
 */
export const feedbackKindSchema = z.enum(["self", "manager", "peer"]);

/**
 * Who may read a piece of feedback (private notes are only ever shown to their author):
 * - `subject`: the rep reviewed, their manager and HR;
 * - `manager`: the rep's manager and HR;
 * - `hr`: HR only.
 *
 * @example
 * ```ts
 * feedbackVisibilitySchema.parse("manager");
 * ```
 */
export const feedbackVisibilitySchema = z.enum(["subject", "manager", "hr"]);

/**
 * A feedback visibility (see {@link feedbackVisibilitySchema}).
 *
 * @example
 * ```ts
 * const v: FeedbackVisibility = "subject";
 * ```
 */
export type FeedbackVisibility = z.infer<typeof feedbackVisibilitySchema>;

/**
 * Ratings given in a piece of feedback: whole points on each KPI's scale, keyed by KPI id.
 *
 * @example
 * ```ts
 * ratingsSchema.parse({ coaching: 4 });
 * ```
 */
export const ratingsSchema = z.record(kpiIdSchema, z.number().int().min(0).max(1000));
