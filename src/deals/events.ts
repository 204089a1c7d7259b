import { z } from "zod";
import { calendarDateSchema, createEventCatalog, defineEvent, type EventOf, instantSchema } from "../core/index.ts";
import {
  competitorSchema,
  dealAmountSchema,
  dealCodeSchema,
  dealIdSchema,
  openForecastCategorySchema,
  probabilitySchema,
} from "./values.ts";

/**
 * A deal (opportunity) was opened for a customer. `openedOn` and `closeDate` are calendar dates in the business's
 * zone, never shifted through UTC; `closeDate` is the expected close and may be unknown early on.
 *
 * @example
 * ```ts
 * const e = { type: "DealOpened", data: { dealId: "d-1", customerId: "cu-1", ownerId: "rep-ana", name: "Acme ERP", stage: "prospecting", amount: { amount: 4_800_000, currency: "USD" }, probabilityBps: 1000, forecastCategory: "pipeline", openedOn: "2026-07-01", openedAt: "2026-07-01T01:00:00.000Z" } };
 * ```
 */
export const DealOpened = /* @__PURE__ */ defineEvent(
  "DealOpened",
  z.strictObject({
    dealId: dealIdSchema,
    customerId: dealIdSchema,
    ownerId: dealIdSchema,
    name: z.string().min(1).max(200),
    stage: dealCodeSchema,
    amount: dealAmountSchema,
    probabilityBps: probabilitySchema,
    forecastCategory: openForecastCategorySchema,
    closeDate: calendarDateSchema.optional(),
    openedOn: calendarDateSchema,
    openedAt: instantSchema,
    productIds: z.array(dealIdSchema).max(100).optional(),
  }),
);

/**
 * A deal moved to another stage, taking that stage's default probability and forecast category.
 *
 * @example
 * ```ts
 * const e = { type: "DealStageChanged", data: { dealId: "d-1", fromStage: "prospecting", stage: "proposal", probabilityBps: 6000, forecastCategory: "best_case", changedAt: "2026-07-09T01:00:00.000Z" } };
 * ```
 */
export const DealStageChanged = /* @__PURE__ */ defineEvent(
  "DealStageChanged",
  z.strictObject({
    dealId: dealIdSchema,
    fromStage: dealCodeSchema,
    stage: dealCodeSchema,
    probabilityBps: probabilitySchema,
    forecastCategory: openForecastCategorySchema,
    changedAt: instantSchema,
  }),
);

/**
 * A deal's amount changed (same currency).
 *
 * @example
 * ```ts
 * const e = { type: "DealAmountChanged", data: { dealId: "d-1", amount: { amount: 5_000_000, currency: "USD" }, previousAmount: { amount: 4_800_000, currency: "USD" }, changedAt: "2026-07-09T01:00:00.000Z" } };
 * ```
 */
export const DealAmountChanged = /* @__PURE__ */ defineEvent(
  "DealAmountChanged",
  z.strictObject({
    dealId: dealIdSchema,
    amount: dealAmountSchema,
    previousAmount: dealAmountSchema,
    changedAt: instantSchema,
  }),
);

/**
 * A deal's expected close date changed.
 *
 * @example
 * ```ts
 * const e = { type: "DealCloseDateChanged", data: { dealId: "d-1", closeDate: "2026-09-30", changedAt: "2026-07-09T01:00:00.000Z" } };
 * ```
 */
export const DealCloseDateChanged = /* @__PURE__ */ defineEvent(
  "DealCloseDateChanged",
  z.strictObject({
    dealId: dealIdSchema,
    closeDate: calendarDateSchema,
    previousCloseDate: calendarDateSchema.optional(),
    changedAt: instantSchema,
  }),
);

/**
 * The owner overrode a deal's probability or forecast category (within its stage).
 *
 * @example
 * ```ts
 * const e = { type: "DealForecastAdjusted", data: { dealId: "d-1", probabilityBps: 7000, forecastCategory: "commit", changedAt: "2026-07-09T01:00:00.000Z" } };
 * ```
 */
export const DealForecastAdjusted = /* @__PURE__ */ defineEvent(
  "DealForecastAdjusted",
  z.strictObject({
    dealId: dealIdSchema,
    probabilityBps: probabilitySchema,
    forecastCategory: openForecastCategorySchema,
    changedAt: instantSchema,
  }),
);

/**
 * A deal changed owner. Sales credit still follows the account owner at close (see the credit area).
 *
 * @example
 * ```ts
 * const e = { type: "DealReassigned", data: { dealId: "d-1", ownerId: "rep-bo", previousOwnerId: "rep-ana", changedAt: "2026-07-09T01:00:00.000Z" } };
 * ```
 */
export const DealReassigned = /* @__PURE__ */ defineEvent(
  "DealReassigned",
  z.strictObject({
    dealId: dealIdSchema,
    ownerId: dealIdSchema,
    previousOwnerId: dealIdSchema,
    changedAt: instantSchema,
  }),
);

/**
 * A competitor was recorded on a deal, with its strengths and weaknesses there.
 *
 * @example
 * ```ts
 * const e = { type: "DealCompetitorAdded", data: { dealId: "d-1", competitor: { competitorId: "globex", name: "Globex", strengths: ["price"], weaknesses: [] } } };
 * ```
 */
export const DealCompetitorAdded = /* @__PURE__ */ defineEvent(
  "DealCompetitorAdded",
  z.strictObject({ dealId: dealIdSchema, competitor: competitorSchema }),
);

/**
 * A competitor was removed from a deal.
 *
 * @example
 * ```ts
 * const e = { type: "DealCompetitorRemoved", data: { dealId: "d-1", competitorId: "globex" } };
 * ```
 */
export const DealCompetitorRemoved = /* @__PURE__ */ defineEvent(
  "DealCompetitorRemoved",
  z.strictObject({ dealId: dealIdSchema, competitorId: dealCodeSchema }),
);

const closedFields = {
  dealId: dealIdSchema,
  customerId: dealIdSchema,
  ownerId: dealIdSchema,
  amount: dealAmountSchema,
  openedOn: calendarDateSchema,
  closedOn: calendarDateSchema,
  closedAt: instantSchema,
  reason: dealCodeSchema,
  competitorIds: z.array(dealCodeSchema).max(50),
};

/**
 * A deal was won. It carries the final amount, the calendar dates it opened and closed on (so cycle length needs no
 * time zone), the reason and the competitors it beat.
 *
 * @example
 * ```ts
 * const e = { type: "DealWon", data: { dealId: "d-1", customerId: "cu-1", ownerId: "rep-ana", amount: { amount: 4_800_000, currency: "USD" }, openedOn: "2026-07-01", closedOn: "2026-08-14", closedAt: "2026-08-14T08:00:00.000Z", reason: "product_fit", competitorIds: ["globex"] } };
 * ```
 */
export const DealWon = /* @__PURE__ */ defineEvent("DealWon", z.strictObject(closedFields));

/**
 * A deal was lost, with the reason, an optional detail, the competitors present and the one it was lost to.
 *
 * @example
 * ```ts
 * const e = { type: "DealLost", data: { dealId: "d-2", customerId: "cu-2", ownerId: "rep-bo", amount: { amount: 3_000_000, currency: "USD" }, openedOn: "2026-07-01", closedOn: "2026-08-01", closedAt: "2026-08-01T08:00:00.000Z", reason: "price", competitorIds: ["globex"], lostToCompetitorId: "globex" } };
 * ```
 */
export const DealLost = /* @__PURE__ */ defineEvent(
  "DealLost",
  z.strictObject({
    ...closedFields,
    detail: z.string().min(1).max(2000).optional(),
    lostToCompetitorId: dealCodeSchema.optional(),
  }),
);

/**
 * The catalog of the deals area.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore({ catalog: createEventCatalog([dealEvents]) });
 * ```
 */
export const dealEvents = /* @__PURE__ */ createEventCatalog([
  DealOpened,
  DealStageChanged,
  DealAmountChanged,
  DealCloseDateChanged,
  DealForecastAdjusted,
  DealReassigned,
  DealCompetitorAdded,
  DealCompetitorRemoved,
  DealWon,
  DealLost,
]);

/**
 * The events of a deal stream.
 *
 * @example
 * ```ts
 * const closed = (e: DealEvent) => e.type === "DealWon" || e.type === "DealLost";
 * ```
 */
export type DealEvent =
  | EventOf<typeof DealOpened>
  | EventOf<typeof DealStageChanged>
  | EventOf<typeof DealAmountChanged>
  | EventOf<typeof DealCloseDateChanged>
  | EventOf<typeof DealForecastAdjusted>
  | EventOf<typeof DealReassigned>
  | EventOf<typeof DealCompetitorAdded>
  | EventOf<typeof DealCompetitorRemoved>
  | EventOf<typeof DealWon>
  | EventOf<typeof DealLost>;
