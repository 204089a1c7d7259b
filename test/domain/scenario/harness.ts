// The scenario's machinery: one in-memory store whose catalog merges every area's catalog, every projection of the
// areas kept inline (updated inside each append), a command handler per decider, a stepping clock (one minute per
// decision) and sequential ids.
import {
  createActivityOutcomeProjection,
  createProductMixProjection,
  customer360,
  pipeline,
  rfm,
  salesCycle,
  winLoss,
} from "../../../src/analytics/index.ts";
import {
  accountBookCommand,
  accountBookDecider,
  accountOwnership,
  assignmentsEvents,
  goalTaskCommand,
  goalTasksDecider,
  goalTaskTree,
  lastFollowUps,
  territoryOwnership,
} from "../../../src/assignments/index.ts";
import { creditCommand, creditDecider, creditEvents, repCredits, saleOwnership } from "../../../src/credit/index.ts";
import {
  customerCommand,
  customerDecider,
  customerDirectory,
  customerEvents,
  ticketCommand,
  ticketDecider,
} from "../../../src/customers/index.ts";
import { dealBoard, dealCommand, dealDecider, dealEvents } from "../../../src/deals/index.ts";
import { goalBook, goalPlanDecider, goalProgress, goalsCommand, goalsEvents } from "../../../src/goals/index.ts";
import {
  createCommandHandler,
  createEventCatalog,
  createInMemoryEventStore,
  type Decider,
  defineCalendar,
  inlineProjection,
  type Projection,
  sequentialIds,
  steppingClock,
} from "../../../src/index.ts";
import {
  marketEvents,
  marketFeedbackByCompetitor,
  marketFeedbackByTopic,
  marketFeedbackCommand,
  marketFeedbackDecider,
} from "../../../src/market/index.ts";
import { orderBook, orderCommand, orderDecider, orderEvents } from "../../../src/orders/index.ts";
import { organizationDecider, teamCommand, teamDirectory, teamEvents } from "../../../src/team/index.ts";
import { emptyLedger, type Ledger } from "./ledger.ts";
import { CALENDAR, CLOCK_START, iso, MINUTE } from "./world.ts";

export const calendar = defineCalendar(CALENDAR);

/** Every projection the areas export, keyed by a short name. */
export const projections = {
  teamDirectory,
  goalBook,
  goalProgress,
  goalTaskTree,
  accountOwnership,
  territoryOwnership,
  lastFollowUps,
  feedbackByTopic: marketFeedbackByTopic({ calendar, kind: "month" }),
  feedbackByCompetitor: marketFeedbackByCompetitor({ calendar, kind: "month" }),
  customerDirectory,
  dealBoard,
  orderBook,
  saleOwnership,
  repCredits,
  customer360,
  pipeline,
  winLoss,
  salesCycle,
  productMix: createProductMixProjection({ calendar, period: "month" }),
  rfm,
  activityOutcome: createActivityOutcomeProjection({ calendar, period: "month" }),
} satisfies Record<string, Projection<any, any>>;

export type ProjectionName = keyof typeof projections;

export const catalog = createEventCatalog([
  teamEvents,
  goalsEvents,
  assignmentsEvents,
  marketEvents,
  customerEvents,
  dealEvents,
  orderEvents,
  creditEvents,
]);

export function createHarness() {
  const live = Object.fromEntries(
    Object.entries(projections).map(([name, p]) => [name, inlineProjection(p as Projection<any, unknown>)]),
  ) as {
    [K in ProjectionName]: ReturnType<
      typeof inlineProjection<any, ReturnType<(typeof projections)[K]["initialState"]>>
    >;
  };
  const store = createInMemoryEventStore({
    catalog,
    clock: steppingClock(iso(CLOCK_START), 1),
    ids: sequentialIds("evt"),
    inline: Object.values(live),
  });
  // The handlers' clock: a stepping clock, one minute per decision. `peek` is the instant the next decision gets;
  // `advanceTo` lets time pass by drawing (and discarding) instants.
  const base = steppingClock(iso(CLOCK_START), MINUTE);
  let calls = 0;
  const clock = {
    now: () => {
      calls++;
      return base.now();
    },
  };
  const peek = () => CLOCK_START + calls * MINUTE;
  const advanceTo = (ms: number) => {
    while (peek() < ms) clock.now();
  };
  const ids = sequentialIds("id");
  const ledger: Ledger = emptyLedger();
  let events = 0;
  const handler = <C, E extends { type: string; data: unknown }, S>(decider: Decider<C, E, S>, commands: any) => {
    const h = createCommandHandler({ store, decider, commands, clock, ids });
    return async (streamId: string, command: C, actor = "user:scenario") => {
      const expected = peek();
      const result = await h.handle(streamId, command, { actor });
      ledger.commands++;
      events += result.events.length;
      const first = result.events[0];
      if (first && first.occurredAt !== iso(expected)) {
        throw new Error(`the handler decided at ${first.occurredAt}, the scenario expected ${iso(expected)}`);
      }
      return result;
    };
  };
  return {
    store,
    live,
    ledger,
    peek,
    advanceTo,
    eventCount: () => events,
    org: handler(organizationDecider, teamCommand),
    goals: handler(goalPlanDecider, goalsCommand),
    book: handler(accountBookDecider, accountBookCommand),
    tasks: handler(goalTasksDecider, goalTaskCommand),
    customers: handler(customerDecider, customerCommand),
    tickets: handler(ticketDecider, ticketCommand),
    deals: handler(dealDecider, dealCommand),
    orders: handler(orderDecider, orderCommand),
    credits: handler(creditDecider, creditCommand),
    market: handler(marketFeedbackDecider, marketFeedbackCommand),
  };
}

export type Harness = ReturnType<typeof createHarness>;
