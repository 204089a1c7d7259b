import { createEventCatalog, type EventCatalog } from "../core/index.ts";
import { appraisalsEvents } from "../appraisals/index.ts";
import { assignmentsEvents } from "../assignments/index.ts";
import { coachingEvents } from "../coaching/index.ts";
import { creditEvents } from "../credit/index.ts";
import { customerEvents } from "../customers/index.ts";
import { dealEvents } from "../deals/index.ts";
import { goalsEvents } from "../goals/index.ts";
import { incentivesEvents } from "../incentives/index.ts";
import { marketEvents } from "../market/index.ts";
import { orderEvents } from "../orders/index.ts";
import { teamEvents } from "../team/index.ts";
import { trainingEvents } from "../training/index.ts";

// Each area's store catalog, once. Catalogs that exist only to type a projection are left out on purpose:
// `analyticsSourceEvents` (analytics), `goalProgressEvents` (goals), `incentiveProjectionEvents` (incentives),
// `feedbackSourceEvents` (appraisals) and `developmentProgressSourceEvents` (training) re-list definitions these
// catalogs already hold, and registering them twice would be a duplicate_event_type error. A new area adds its
// store catalog here.

/**
 * Every event type of the sales domain that a store holds: the store catalogs of team, goals, assignments, market,
 * customers (with tickets), deals, orders, credit, incentives (plans, statements, disputes, recognition),
 * appraisals (review cycles, improvement plans), coaching (meetings, action items, notes, resource requests) and
 * training (catalog, records, development plans), merged. Give it to a store, to the CLI's `validate` and
 * `import`, and to the JSON Schema catalogue.
 *
 * @example
 * ```ts
 * import { createInMemoryEventStore } from "salesfold";
 * import { salesEvents } from "salesfold/sales";
 * const store = createInMemoryEventStore({ catalog: salesEvents });
 * salesEvents.types.includes("DealWon"); // true
 * salesEvents.types.includes("ReviewCycleClosed"); // true
 * ```
 */
export const salesEvents = /* @__PURE__ */ createEventCatalog([
  teamEvents,
  goalsEvents,
  assignmentsEvents,
  marketEvents,
  customerEvents,
  dealEvents,
  orderEvents,
  creditEvents,
  incentivesEvents,
  appraisalsEvents,
  coachingEvents,
  trainingEvents,
]);

/**
 * Any event of the sales domain: the union of every area's store events.
 *
 * @example
 * ```ts
 * function describe(e: SalesEvent): string {
 *   return e.type === "DealWon" ? `won ${e.data.dealId}` : e.type;
 * }
 * ```
 */
export type SalesEvent = typeof salesEvents extends EventCatalog<infer E> ? E : never;
