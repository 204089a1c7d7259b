import { z } from "zod";
import { calendarDateSchema } from "../core/index.ts";
import {
  competitorSchema,
  dealAmountSchema,
  dealCodeSchema,
  dealIdSchema,
  openForecastCategorySchema,
  probabilitySchema,
} from "./values.ts";

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

/**
 * The commands of a deal stream. Every command names the deal, which must match the stream's deal.
 *
 * - `OpenDeal`: open with customer, owner, amount, stage (first stage by default), expected close date and the
 *   calendar date it opened on.
 * - `MoveDealStage`: move to another open stage (takes the stage's probability and category).
 * - `ChangeDealAmount`, `ChangeDealCloseDate`, `AdjustDealForecast`, `ReassignDeal`.
 * - `AddDealCompetitor`, `RemoveDealCompetitor`.
 * - `WinDeal` (optionally with the final amount) and `LoseDeal` (reason, detail, competitor it was lost to).
 *
 * @example
 * ```ts
 * dealCommand.parse({ type: "MoveDealStage", data: { dealId: "d-1", stage: "proposal" } });
 * ```
 */
export const dealCommand = z.discriminatedUnion("type", [
  command(
    "OpenDeal",
    z.strictObject({
      dealId: dealIdSchema,
      customerId: dealIdSchema,
      ownerId: dealIdSchema,
      name: z.string().min(1).max(200),
      amount: dealAmountSchema,
      stage: dealCodeSchema.optional(),
      probabilityBps: probabilitySchema.optional(),
      forecastCategory: openForecastCategorySchema.optional(),
      closeDate: calendarDateSchema.optional(),
      openedOn: calendarDateSchema,
      productIds: z.array(dealIdSchema).max(100).optional(),
    }),
  ),
  command("MoveDealStage", z.strictObject({ dealId: dealIdSchema, stage: dealCodeSchema })),
  command("ChangeDealAmount", z.strictObject({ dealId: dealIdSchema, amount: dealAmountSchema })),
  command("ChangeDealCloseDate", z.strictObject({ dealId: dealIdSchema, closeDate: calendarDateSchema })),
  command(
    "AdjustDealForecast",
    z.strictObject({
      dealId: dealIdSchema,
      probabilityBps: probabilitySchema.optional(),
      forecastCategory: openForecastCategorySchema.optional(),
    }),
  ),
  command("ReassignDeal", z.strictObject({ dealId: dealIdSchema, ownerId: dealIdSchema })),
  command("AddDealCompetitor", z.strictObject({ dealId: dealIdSchema, competitor: competitorSchema })),
  command("RemoveDealCompetitor", z.strictObject({ dealId: dealIdSchema, competitorId: dealCodeSchema })),
  command(
    "WinDeal",
    z.strictObject({
      dealId: dealIdSchema,
      closedOn: calendarDateSchema,
      reason: dealCodeSchema,
      amount: dealAmountSchema.optional(),
    }),
  ),
  command(
    "LoseDeal",
    z.strictObject({
      dealId: dealIdSchema,
      closedOn: calendarDateSchema,
      reason: dealCodeSchema,
      detail: z.string().min(1).max(2000).optional(),
      lostToCompetitorId: dealCodeSchema.optional(),
    }),
  ),
]);

/**
 * A command of a deal stream.
 *
 * @example
 * ```ts
 * const c: DealCommand = { type: "LoseDeal", data: { dealId: "d-2", closedOn: "2026-08-01", reason: "price" } };
 * ```
 */
export type DealCommand = z.infer<typeof dealCommand>;
