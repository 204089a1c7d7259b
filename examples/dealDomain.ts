// The deal domain of the quick start: events, commands, a decider and a pipeline projection.
// #region events
import { z } from "zod";
import {
  createEventCatalog,
  type Decider,
  DomainRuleError,
  defineEvent,
  defineProjection,
  type EventOf,
  moneySchema,
} from "salesfold";

const DealOpened = defineEvent(
  "DealOpened",
  z.strictObject({ dealId: z.string(), repId: z.string(), amount: moneySchema, closeDate: z.iso.date() }),
);
const DealWon = defineEvent("DealWon", z.strictObject({ dealId: z.string(), wonOn: z.iso.date() }));
const DealLost = defineEvent("DealLost", z.strictObject({ dealId: z.string(), reason: z.string().min(1) }));
export const catalog = createEventCatalog([DealOpened, DealWon, DealLost]);
export type DealEvent = EventOf<typeof DealOpened> | EventOf<typeof DealWon> | EventOf<typeof DealLost>;
// #endregion events

// #region decider
export const dealCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("OpenDeal"),
    data: z.strictObject({ repId: z.string(), amount: moneySchema, closeDate: z.iso.date() }),
  }),
  z.strictObject({ type: z.literal("WinDeal"), data: z.strictObject({}) }),
  z.strictObject({ type: z.literal("LoseDeal"), data: z.strictObject({ reason: z.string().min(1) }) }),
]);
export type DealCommand = z.infer<typeof dealCommand>;
export type DealState = { status: "none" } | { status: "open" | "won" | "lost"; dealId: string };

export const deal: Decider<DealCommand, DealEvent, DealState> = {
  name: "deal",
  initialState: () => ({ status: "none" }),
  evolve: (_state, event) => {
    switch (event.type) {
      case "DealOpened":
        return { status: "open", dealId: event.data.dealId };
      case "DealWon":
        return { status: "won", dealId: event.data.dealId };
      case "DealLost":
        return { status: "lost", dealId: event.data.dealId };
    }
  },
  // Pure: time and ids come from the context the command handler passes in.
  decide: (command, state, { now, newId }) => {
    if (command.type === "OpenDeal") {
      if (state.status !== "none") throw new DomainRuleError("deal_exists", "deal: this deal is already open");
      return { type: "DealOpened", data: { dealId: newId(), ...command.data } };
    }
    if (state.status !== "open") {
      throw new DomainRuleError("deal_not_open", `deal: cannot ${command.type} a deal that is ${state.status}`);
    }
    return command.type === "WinDeal"
      ? { type: "DealWon", data: { dealId: state.dealId, wonOn: now.slice(0, 10) } }
      : { type: "DealLost", data: { dealId: state.dealId, reason: command.data.reason } };
  },
};
// #endregion decider

// #region projection
export const pipeline = defineProjection({
  name: "pipelineByRep",
  events: catalog,
  initialState: () => ({
    deals: {} as Record<string, { repId: string; amount: number }>,
    reps: {} as Record<string, { open: number; won: number; lost: number }>,
  }),
  handlers: {
    DealOpened: (s, e) => {
      s.deals[e.data.dealId] = { repId: e.data.repId, amount: e.data.amount.amount };
      const rep = (s.reps[e.data.repId] ??= { open: 0, won: 0, lost: 0 });
      rep.open += e.data.amount.amount;
    },
    DealWon: (s, e) => {
      const d = s.deals[e.data.dealId]!;
      s.reps[d.repId]!.open -= d.amount;
      s.reps[d.repId]!.won += d.amount;
    },
    DealLost: (s, e) => {
      const d = s.deals[e.data.dealId]!;
      s.reps[d.repId]!.open -= d.amount;
      s.reps[d.repId]!.lost += d.amount;
    },
  },
});
// #endregion projection
