// The sales-shaped workload shared with the Emmett anchor (../shared/anchors/emmett-bench): the same five event
// types, generated deterministically from (stream, position), so both libraries append identical data.
import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf, instantSchema } from "salesfold";

const money = { amountMinor: z.number().int(), currency: z.string().length(3) };
export const QuotaAssigned = defineEvent(
  "QuotaAssigned",
  z.strictObject({
    repId: z.string(),
    period: z.string(),
    targetMinor: z.number().int(),
    currency: z.string().length(3),
  }),
);
export const InteractionLogged = defineEvent(
  "InteractionLogged",
  z.strictObject({
    interactionId: z.string(),
    repId: z.string(),
    customerId: z.string(),
    channel: z.string(),
    at: instantSchema,
  }),
);
export const DealWon = defineEvent(
  "DealWon",
  z.strictObject({ dealId: z.string(), repId: z.string(), ...money, wonAt: instantSchema }),
);
export const DealLost = defineEvent(
  "DealLost",
  z.strictObject({ dealId: z.string(), repId: z.string(), reason: z.string(), lostAt: instantSchema }),
);
export const CommissionAccrued = defineEvent(
  "CommissionAccrued",
  z.strictObject({ dealId: z.string(), repId: z.string(), planId: z.string(), ...money }),
);
export const catalog = createEventCatalog([QuotaAssigned, InteractionLogged, DealWon, DealLost, CommissionAccrued]);
export type SalesEvent =
  | EventOf<typeof QuotaAssigned>
  | EventOf<typeof InteractionLogged>
  | EventOf<typeof DealWon>
  | EventOf<typeof DealLost>
  | EventOf<typeof CommissionAccrued>;

const BASE_TIME = Date.UTC(2024, 0, 1);

/** Event `pos` (0-based) of stream `s`: 40% interactions, 30% won, 15% lost, 15% commission after a quota. */
export function makeEvent(s: number, pos: number): SalesEvent {
  const repId = `rep-${s}`;
  const h = (Math.imul(s + 1, 2654435761) ^ Math.imul(pos + 1, 40503)) >>> 0;
  const at = new Date(BASE_TIME + s * 1000 + pos * 60_000).toISOString();
  if (pos === 0) {
    return { type: "QuotaAssigned", data: { repId, period: "2024-Q1", targetMinor: 10_000_000, currency: "EUR" } };
  }
  const kind = h % 20;
  if (kind < 8) {
    return {
      type: "InteractionLogged",
      data: { interactionId: `i-${s}-${pos}`, repId, customerId: `c-${h % 5000}`, channel: "call", at },
    };
  }
  if (kind < 14) {
    return {
      type: "DealWon",
      data: { dealId: `d-${s}-${pos}`, repId, amountMinor: 1000 + (h % 100_000), currency: "EUR", wonAt: at },
    };
  }
  if (kind < 17) return { type: "DealLost", data: { dealId: `d-${s}-${pos}`, repId, reason: "price", lostAt: at } };
  return {
    type: "CommissionAccrued",
    data: { dealId: `d-${s}-${pos - 1}`, repId, planId: "plan-2024", amountMinor: 50 + (h % 5_000), currency: "EUR" },
  };
}

export interface RepState {
  quotaMinor: number;
  wonMinor: number;
  commissionMinor: number;
  dealsWon: number;
  dealsLost: number;
  interactions: number;
}

export const initialRepState = (): RepState => ({
  quotaMinor: 0,
  wonMinor: 0,
  commissionMinor: 0,
  dealsWon: 0,
  dealsLost: 0,
  interactions: 0,
});

/** The same small evolve the Emmett anchor uses. */
export function evolveRep(s: RepState, e: SalesEvent): RepState {
  switch (e.type) {
    case "QuotaAssigned":
      s.quotaMinor = e.data.targetMinor;
      return s;
    case "DealWon":
      s.wonMinor += e.data.amountMinor;
      s.dealsWon++;
      return s;
    case "DealLost":
      s.dealsLost++;
      return s;
    case "InteractionLogged":
      s.interactions++;
      return s;
    case "CommissionAccrued":
      s.commissionMinor += e.data.amountMinor;
      return s;
  }
}

export function expectedTotals(streams: number, events: number): { won: number; commission: number } {
  let won = 0;
  let commission = 0;
  for (let s = 0; s < streams; s++) {
    for (let p = 0; p < events; p++) {
      const e = makeEvent(s, p);
      if (e.type === "DealWon") won += e.data.amountMinor;
      else if (e.type === "CommissionAccrued") commission += e.data.amountMinor;
    }
  }
  return { won, commission };
}

export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
export const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024);
