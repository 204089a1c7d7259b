import { defineProjection, toEpochMilliseconds, toIsoInstant } from "../../core/index.ts";
import { analyticsSourceEvents, ratioBps } from "../sources.ts";

/** The number of recent interactions a customer 360 keeps. */
const RECENT = 10;

/**
 * Everything known about one customer: profile, interactions, purchases, tickets, satisfaction, deals and the
 * history of its owners. Amounts are in minor units, per currency.
 *
 * @example
 * ```ts
 * const c = customer360Of(state, "cu-1");
 * c?.purchases.byCurrency.USD?.net;
 * ```
 */
export interface Customer360 {
  customerId: string;
  profile?: {
    name: string;
    kind: string;
    segment: string;
    industry?: string;
    region?: string;
    tags: string[];
    contacts: number;
  };
  interactions: {
    count: number;
    byChannel: Record<string, number>;
    byOutcome: Record<string, number>;
    lastAt?: string;
    /** The latest interactions by `occurredAt`, newest first, at most 10. */
    recent: {
      interactionId: string;
      repId: string;
      channel: string;
      outcome: string;
      occurredAt: string;
      dealId?: string;
    }[];
  };
  purchases: {
    orders: number;
    firstOrderAt?: string;
    lastOrderAt?: string;
    /** Placed, adjustments (refunds and cancellations, negative) and net, per currency. */
    byCurrency: Record<string, { placed: number; adjustments: number; net: number }>;
    /** Net units per product. */
    units: Record<string, number>;
  };
  tickets: {
    opened: number;
    open: number;
    resolved: number;
    reopened: number;
    firstResponseBreaches: number;
    resolutionBreaches: number;
    /** Sum over resolutions of whole minutes from opening to resolution (floor per ticket). */
    resolutionMinutes: number;
  };
  satisfaction: {
    csat: { responses: number; satisfied: number; scoreTotal: number; latest?: number };
    nps: { responses: number; promoters: number; passives: number; detractors: number; latest?: number };
  };
  deals: { open: number; won: number; lost: number; wonByCurrency: Record<string, number> };
  /** Owner changes by effective instant; `repId: null` while in the public pool. Ties: the later event wins. */
  owners: { repId: string | null; effectiveFrom: string; effectiveFromMs: number; reason?: string }[];
}

/**
 * The state of {@link customer360}.
 *
 * @example
 * ```ts
 * const s: Customer360State = { customers: {}, ticketOpenedAt: {} };
 * ```
 */
export interface Customer360State {
  readonly customers: Record<string, Customer360>;
  /** @internal Opening instants (ms) of tickets, to measure resolution time. */
  readonly ticketOpenedAt: Record<string, number>;
}

const blank = (customerId: string): Customer360 => ({
  customerId,
  interactions: { count: 0, byChannel: {}, byOutcome: {}, recent: [] },
  purchases: { orders: 0, byCurrency: {}, units: {} },
  tickets: {
    opened: 0,
    open: 0,
    resolved: 0,
    reopened: 0,
    firstResponseBreaches: 0,
    resolutionBreaches: 0,
    resolutionMinutes: 0,
  },
  satisfaction: {
    csat: { responses: 0, satisfied: 0, scoreTotal: 0 },
    nps: { responses: 0, promoters: 0, passives: 0, detractors: 0 },
  },
  deals: { open: 0, won: 0, lost: 0, wonByCurrency: {} },
  owners: [],
});

const get = (s: { customers: Record<string, Customer360> }, id: string) => (s.customers[id] ??= blank(id));
const later = (a: string, b: string | undefined) => b === undefined || toEpochMilliseconds(a) > toEpochMilliseconds(b);

function owner(
  s: { customers: Record<string, Customer360> },
  customerId: string,
  repId: string | null,
  at: string,
  reason?: string,
) {
  const list = get(s, customerId).owners;
  const ms = toEpochMilliseconds(at);
  const entry = {
    repId,
    effectiveFrom: toIsoInstant(at),
    effectiveFromMs: ms,
    ...(reason === undefined ? {} : { reason }),
  };
  let i = list.length;
  while (i > 0 && list[i - 1]!.effectiveFromMs > ms) i--;
  // Never changed once listed: frozen now, while it is at hand, rather than found again by the final freeze.
  Object.freeze(entry);
  if (i > 0 && list[i - 1]!.effectiveFromMs === ms) list[i - 1] = entry;
  else list.splice(i, 0, entry);
}

function adjust(c: Customer360, currency: string, amount: number, productId: string, units: number) {
  const t = (c.purchases.byCurrency[currency] ??= { placed: 0, adjustments: 0, net: 0 });
  t.adjustments += amount;
  t.net += amount;
  c.purchases.units[productId] = (c.purchases.units[productId] ?? 0) + units;
}

/**
 * Customer 360: one read model per customer gathering its profile, interactions (counts by channel and outcome,
 * the 10 latest), purchases (orders, net amounts per currency after refunds and cancellations, net units per
 * product), tickets (open, resolved, SLA breaches, resolution minutes), satisfaction (CSAT and NPS answers), deals
 * (open, won, lost) and owner history. Use {@link csatBps} and {@link npsBps} for the scores.
 *
 * @example
 * ```ts
 * const state = fold(customer360, events);
 * customer360Of(state, "cu-1")?.tickets.open;
 * ```
 */
export const customer360 = /* @__PURE__ */ defineProjection({
  name: "analytics.customer360",
  events: analyticsSourceEvents,
  initialState: (): Customer360State => ({ customers: {}, ticketOpenedAt: {} }),
  handlers: {
    CustomerRegistered: (s, e) => {
      const d = e.data;
      get(s, d.customerId).profile = {
        name: d.name,
        kind: d.kind,
        segment: d.segment,
        ...(d.industry === undefined ? {} : { industry: d.industry }),
        ...(d.region === undefined ? {} : { region: d.region }),
        tags: [...d.tags],
        contacts: d.contacts.length,
      };
    },
    CustomerProfileUpdated: (s, e) => {
      const p = get(s, e.data.customerId).profile;
      if (!p) return;
      const { name, segment, industry, region } = e.data;
      Object.assign(p, {
        ...(name === undefined ? {} : { name }),
        ...(segment === undefined ? {} : { segment }),
        ...(industry === undefined ? {} : { industry }),
        ...(region === undefined ? {} : { region }),
      });
    },
    CustomerContactAdded: (s, e) => {
      const p = get(s, e.data.customerId).profile;
      if (p) p.contacts += 1;
    },
    CustomerContactRemoved: (s, e) => {
      const p = get(s, e.data.customerId).profile;
      if (p) p.contacts -= 1;
    },
    CustomerTagged: (s, e) => {
      get(s, e.data.customerId).profile?.tags.push(e.data.tag);
    },
    CustomerUntagged: (s, e) => {
      const p = get(s, e.data.customerId).profile;
      if (p) p.tags = p.tags.filter((t) => t !== e.data.tag);
    },
    InteractionLogged: (s, e) => {
      const d = e.data;
      const i = get(s, d.customerId).interactions;
      i.count += 1;
      i.byChannel[d.channel] = (i.byChannel[d.channel] ?? 0) + 1;
      i.byOutcome[d.outcome] = (i.byOutcome[d.outcome] ?? 0) + 1;
      const ms = toEpochMilliseconds(d.occurredAt);
      if (i.lastAt === undefined || ms > toEpochMilliseconds(i.lastAt)) i.lastAt = d.occurredAt;
      // Newest first: interactions usually arrive in time order, so the first comparison ends the search.
      const recent = i.recent;
      let at = 0;
      while (at < recent.length && toEpochMilliseconds(recent[at]!.occurredAt) >= ms) at++;
      if (at >= RECENT) return;
      const item: Customer360["interactions"]["recent"][number] = {
        interactionId: d.interactionId,
        repId: d.repId,
        channel: d.channel,
        outcome: d.outcome,
        occurredAt: d.occurredAt,
      };
      if (d.dealId !== undefined) item.dealId = d.dealId;
      // Never changed once listed: frozen now, while it is at hand, rather than found again by the final freeze.
      recent.splice(at, 0, Object.freeze(item));
      if (recent.length > RECENT) recent.length = RECENT;
    },
    CsatRecorded: (s, e) => {
      const c = get(s, e.data.customerId).satisfaction.csat;
      c.responses += 1;
      c.scoreTotal += e.data.score;
      if (e.data.score >= 4) c.satisfied += 1;
      c.latest = e.data.score;
    },
    NpsRecorded: (s, e) => {
      const n = get(s, e.data.customerId).satisfaction.nps;
      n.responses += 1;
      if (e.data.score >= 9) n.promoters += 1;
      else if (e.data.score >= 7) n.passives += 1;
      else n.detractors += 1;
      n.latest = e.data.score;
    },
    TicketOpened: (s, e) => {
      const t = get(s, e.data.customerId).tickets;
      t.opened += 1;
      t.open += 1;
      s.ticketOpenedAt[e.data.ticketId] = toEpochMilliseconds(e.data.openedAt);
    },
    TicketResolved: (s, e) => {
      const t = get(s, e.data.customerId).tickets;
      t.open -= 1;
      t.resolved += 1;
      if (e.data.firstResponseBreached) t.firstResponseBreaches += 1;
      if (e.data.resolutionBreached) t.resolutionBreaches += 1;
      const opened = s.ticketOpenedAt[e.data.ticketId];
      if (opened !== undefined)
        t.resolutionMinutes += Math.floor((toEpochMilliseconds(e.data.resolvedAt) - opened) / 60_000);
    },
    TicketReopened: (s, e) => {
      const t = get(s, e.data.customerId).tickets;
      t.open += 1;
      t.reopened += 1;
    },
    OrderPlaced: (s, e) => {
      const d = e.data;
      const c = get(s, d.customerId);
      c.purchases.orders += 1;
      if (c.purchases.firstOrderAt === undefined || !later(d.orderedAt, c.purchases.firstOrderAt))
        c.purchases.firstOrderAt = d.orderedAt;
      if (later(d.orderedAt, c.purchases.lastOrderAt)) c.purchases.lastOrderAt = d.orderedAt;
      const t = (c.purchases.byCurrency[d.currency] ??= { placed: 0, adjustments: 0, net: 0 });
      t.placed += d.total.amount;
      t.net += d.total.amount;
      for (const l of d.lines) c.purchases.units[l.productId] = (c.purchases.units[l.productId] ?? 0) + l.quantity;
    },
    OrderLineRefunded: (s, e) => {
      const l = e.data.line;
      adjust(get(s, e.data.customerId), l.lineTotal.currency, l.lineTotal.amount, l.productId, l.quantity);
    },
    OrderLineCancelled: (s, e) => {
      const l = e.data.line;
      adjust(get(s, e.data.customerId), l.lineTotal.currency, l.lineTotal.amount, l.productId, l.quantity);
    },
    DealOpened: (s, e) => {
      get(s, e.data.customerId).deals.open += 1;
    },
    DealWon: (s, e) => {
      const d = get(s, e.data.customerId).deals;
      d.open -= 1;
      d.won += 1;
      d.wonByCurrency[e.data.amount.currency] = (d.wonByCurrency[e.data.amount.currency] ?? 0) + e.data.amount.amount;
    },
    DealLost: (s, e) => {
      const d = get(s, e.data.customerId).deals;
      d.open -= 1;
      d.lost += 1;
    },
    AccountOwnerAssigned: (s, e) => owner(s, e.data.customerId, e.data.repId, e.data.effectiveFrom, e.data.reason),
    AccountReleasedToPool: (s, e) => owner(s, e.data.customerId, null, e.data.effectiveFrom, e.data.reason),
    AccountReturnedToPool: (s, e) => owner(s, e.data.customerId, null, e.data.effectiveFrom),
  },
});

/**
 * One customer's 360 view.
 *
 * @param state - The state of {@link customer360}.
 * @param customerId - The customer.
 * @returns The view, or `undefined` when no event mentions the customer.
 * @example
 * ```ts
 * customer360Of(state, "cu-1")?.interactions.count;
 * ```
 */
export function customer360Of(state: Customer360State, customerId: string): Customer360 | undefined {
  return state.customers[customerId];
}

/**
 * CSAT as the share of satisfied answers (4 or 5 out of 5), in basis points, half-up.
 *
 * @param csat - A customer's CSAT counts.
 * @returns 0 to 10,000, or `null` without answers.
 * @example
 * ```ts
 * csatBps({ responses: 3, satisfied: 2, scoreTotal: 12 }); // 6667
 * ```
 */
export function csatBps(csat: Customer360["satisfaction"]["csat"]): number | null {
  return ratioBps(csat.satisfied, csat.responses);
}

/**
 * NPS as (promoters − detractors) / answers, in basis points, half-up: −10,000 to 10,000 (NPS −100 to 100 is
 * `npsBps / 100`). Promoters answer 9–10, passives 7–8, detractors 0–6.
 *
 * @param nps - A customer's (or a team's) NPS counts.
 * @returns Basis points, or `null` without answers.
 * @example
 * ```ts
 * npsBps({ responses: 4, promoters: 2, passives: 1, detractors: 1 }); // 2500 (NPS 25)
 * ```
 */
export function npsBps(nps: Customer360["satisfaction"]["nps"]): number | null {
  return ratioBps(nps.promoters - nps.detractors, nps.responses);
}
