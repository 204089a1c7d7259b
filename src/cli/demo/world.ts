import { reviewCycleCommand, reviewCycleDecider } from "../../appraisals/index.ts";
import { accountBookCommand, accountBookDecider } from "../../assignments/index.ts";
import { meetingSeriesCommand, meetingSeriesDecider } from "../../coaching/index.ts";
import { creditCommand, creditDecider } from "../../credit/index.ts";
import { customerCommand, customerDecider } from "../../customers/index.ts";
import { dealCommand, dealDecider } from "../../deals/index.ts";
import { goalPlanDecider, goalsCommand } from "../../goals/index.ts";
import { type Clock, createCommandHandler, type EventStore, type IdGenerator } from "../../index.ts";
import { orderCommand, orderDecider } from "../../orders/index.ts";
import { organizationDecider, teamCommand } from "../../team/index.ts";
import { TIME_ZONE } from "./cast.ts";

/** A local time in the demo's zone (Asia/Shanghai is UTC+8, no daylight saving) as an ISO instant with offset. */
export const at = (date: string, time = "09:00") => `${date}T${time}:00+08:00`;

/** The demo's store and command handlers, with a clock the script moves through the quarter. */
export function createWorld(store: EventStore<any>, ids: IdGenerator) {
  let today = at("2026-06-20");
  const clock: Clock = { now: () => new Date(today).toISOString() };
  const options = { store, clock, ids };
  return {
    store,
    timeZone: TIME_ZONE,
    /** Moves the clock: every command after this is decided at that instant. */
    setToday(instant: string) {
      today = instant;
    },
    today: () => clock.now(),
    org: createCommandHandler({ ...options, decider: organizationDecider, commands: teamCommand }),
    goals: createCommandHandler({ ...options, decider: goalPlanDecider, commands: goalsCommand }),
    book: createCommandHandler({ ...options, decider: accountBookDecider, commands: accountBookCommand }),
    customers: createCommandHandler({ ...options, decider: customerDecider, commands: customerCommand }),
    deals: createCommandHandler({ ...options, decider: dealDecider, commands: dealCommand }),
    orders: createCommandHandler({ ...options, decider: orderDecider, commands: orderCommand }),
    credits: createCommandHandler({ ...options, decider: creditDecider, commands: creditCommand }),
    reviews: createCommandHandler({ ...options, decider: reviewCycleDecider, commands: reviewCycleCommand }),
    meetings: createCommandHandler({ ...options, decider: meetingSeriesDecider, commands: meetingSeriesCommand }),
  };
}

/** The demo world. */
export type DemoWorld = ReturnType<typeof createWorld>;
