// The command handlers and the ledger rebuild that the incentive projection tests drive, over one in-memory store.
import { creditEvents } from "../../../../src/credit/index.ts";
import {
  disputeCommand,
  disputeDecider,
  incentiveLedger,
  incentivePlanCommand,
  incentivePlanDecider,
  incentivesEvents,
  payPeriodCommand,
  payPeriodDecider,
} from "../../../../src/incentives/index.ts";
import {
  createCommandHandler,
  createEventCatalog,
  createInMemoryEventStore,
  fixedClock,
  rebuildProjection,
  sequentialIds,
} from "../../../../src/index.ts";
import type { credit } from "../events/fixtures.ts";

/** A store with incentive and credit events, handlers for plans, pay periods and disputes, all at the instant `now`. */
export function ledgerHarness(now: string) {
  const store = createInMemoryEventStore({ catalog: createEventCatalog([incentivesEvents, creditEvents]) });
  const common = { store, clock: fixedClock(now), ids: sequentialIds("id") };
  const plans = createCommandHandler({ ...common, decider: incentivePlanDecider, commands: incentivePlanCommand });
  const periods = createCommandHandler({ ...common, decider: payPeriodDecider, commands: payPeriodCommand });
  const disputes = createCommandHandler({ ...common, decider: disputeDecider, commands: disputeCommand });
  const credits = async (...list: ReturnType<typeof credit>[]) => {
    for (const c of list) await store.append(`credit-${c.creditId}`, [{ type: "SalesCreditAssigned", data: c }]);
  };
  const ledger = async () => (await rebuildProjection(store, incentiveLedger)).state;
  return { store, plans, periods, disputes, credits, ledger };
}
