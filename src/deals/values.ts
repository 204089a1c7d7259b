import { z } from "zod";
import { moneySchema } from "../core/index.ts";

/**
 * An entity id in the deals area: 1 to 128 characters.
 *
 * @example
 * ```ts
 * dealIdSchema.parse("d-42");
 * ```
 */
export const dealIdSchema = z.string().min(1).max(128);

/**
 * A short code (stage id, win or loss reason): 1 to 64 lowercase letters, digits, `_`, `-` or `.`.
 *
 * @example
 * ```ts
 * dealCodeSchema.parse("negotiation");
 * ```
 */
export const dealCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, {
  message: "a code is 1-64 lowercase letters, digits, '_', '-' or '.', starting with a letter or digit",
});

/**
 * A forecast category, as in Salesforce: `pipeline`, `best_case`, `commit`, `omitted`, or `closed` (won deals only).
 *
 * @example
 * ```ts
 * forecastCategorySchema.parse("commit");
 * ```
 */
export const forecastCategorySchema = z.enum(["pipeline", "best_case", "commit", "omitted", "closed"]);

/**
 * A forecast category.
 *
 * @example
 * ```ts
 * const c: ForecastCategory = "best_case";
 * ```
 */
export type ForecastCategory = z.infer<typeof forecastCategorySchema>;

/**
 * The forecast categories an open deal may have (everything but `closed`).
 *
 * @example
 * ```ts
 * openForecastCategorySchema.safeParse("closed").success; // false
 * ```
 */
export const openForecastCategorySchema = z.enum(["pipeline", "best_case", "commit", "omitted"]);

/**
 * A probability in basis points: 0 to 10,000 (100%).
 *
 * @example
 * ```ts
 * probabilitySchema.parse(6000); // 60 %
 * ```
 */
export const probabilitySchema = z.number().int().min(0).max(10_000);

/**
 * A deal amount: Money of zero or more.
 *
 * @example
 * ```ts
 * dealAmountSchema.parse({ amount: 4_800_000, currency: "USD" });
 * ```
 */
export const dealAmountSchema = moneySchema;

/**
 * A competitor on a deal with its strengths and weaknesses there (as Salesforce's OpportunityCompetitor).
 *
 * @example
 * ```ts
 * const c: Competitor = { competitorId: "globex", name: "Globex", strengths: ["price"], weaknesses: ["support"] };
 * ```
 */
export const competitorSchema = z.strictObject({
  competitorId: dealCodeSchema,
  name: z.string().min(1).max(200),
  strengths: z.array(z.string().min(1).max(200)).max(20),
  weaknesses: z.array(z.string().min(1).max(200)).max(20),
});

/**
 * A competitor on a deal.
 *
 * @example
 * ```ts
 * const c: Competitor = { competitorId: "initech", name: "Initech", strengths: [], weaknesses: [] };
 * ```
 */
export type Competitor = z.infer<typeof competitorSchema>;

/**
 * One stage of the sales process: its id, label, default probability and default forecast category.
 *
 * @example
 * ```ts
 * dealStageSchema.parse({ id: "proposal", label: "Proposal", probabilityBps: 6000, forecastCategory: "best_case" });
 * ```
 */
export const dealStageSchema = z.strictObject({
  id: dealCodeSchema,
  label: z.string().min(1).max(100),
  probabilityBps: probabilitySchema,
  forecastCategory: openForecastCategorySchema,
});

/**
 * A stage of the sales process.
 *
 * @example
 * ```ts
 * const s: DealStage = { id: "negotiation", label: "Negotiation", probabilityBps: 8000, forecastCategory: "commit" };
 * ```
 */
export type DealStage = z.infer<typeof dealStageSchema>;

/**
 * The default open stages, in order. Won and lost are outcomes, not stages.
 *
 * | stage | probability | category |
 * |---|---|---|
 * | prospecting | 10 % | pipeline |
 * | qualification | 20 % | pipeline |
 * | needs_analysis | 40 % | pipeline |
 * | proposal | 60 % | best_case |
 * | negotiation | 80 % | commit |
 *
 * @example
 * ```ts
 * DEFAULT_DEAL_STAGES[0].id; // "prospecting"
 * ```
 */
export const DEFAULT_DEAL_STAGES: readonly DealStage[] = Object.freeze(
  (
    [
      ["prospecting", "Prospecting", 1000, "pipeline"],
      ["qualification", "Qualification", 2000, "pipeline"],
      ["needs_analysis", "Needs analysis", 4000, "pipeline"],
      ["proposal", "Proposal", 6000, "best_case"],
      ["negotiation", "Negotiation", 8000, "commit"],
    ] as const
  ).map(([id, label, probabilityBps, forecastCategory]) =>
    Object.freeze({ id, label, probabilityBps, forecastCategory }),
  ),
);
