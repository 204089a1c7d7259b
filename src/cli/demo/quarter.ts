import { creditStreamId, ownerFactAt, type SaleOwnershipState } from "../../credit/index.ts";
import { customerStreamId } from "../../customers/index.ts";
import { dealStreamId } from "../../deals/index.ts";
import { addCalendarDays, money } from "../../index.ts";
import { orderStreamId } from "../../orders/index.ts";
import { DEALS, type DemoDeal } from "./cast.ts";
import { at, type DemoWorld } from "./world.ts";

const usd = (dollars: number) => money(dollars * 100, "USD");
const STAGE_PATH = ["qualification", "needs_analysis", "proposal", "negotiation"] as const;

interface Happening {
  readonly when: string;
  readonly what: () => Promise<unknown>;
}

/** A date between two dates, `fraction` of the way (whole days). */
const between = (from: string, to: string, fraction: number) => {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addCalendarDays(from, Math.max(1, Math.floor(days * fraction)));
};

function happeningsOf(w: DemoWorld, deal: DemoDeal, ownership: () => SaleOwnershipState): Happening[] {
  const stream = dealStreamId(deal.dealId);
  const { dealId, customerId, repId } = deal;
  const list: Happening[] = [
    {
      when: at(deal.openedOn),
      what: () =>
        w.deals.handle(
          stream,
          {
            type: "OpenDeal",
            data: {
              dealId,
              customerId,
              ownerId: repId,
              name: `${customerId.slice(3)} ${deal.dollars >= 100_000 ? "fleet" : "pilot"}`,
              amount: usd(deal.dollars),
              openedOn: deal.openedOn,
              closeDate: deal.closeDate,
            },
          },
          { actor: `user:${repId}` },
        ),
    },
  ];
  const end = deal.outcome === "open" ? "2026-09-30" : deal.closeDate;
  const finalStage = deal.outcome === "open" ? (deal.detail ?? "qualification") : "negotiation";
  const steps = STAGE_PATH.slice(0, STAGE_PATH.indexOf(finalStage as (typeof STAGE_PATH)[number]) + 1);
  steps.forEach((stage, i) => {
    const day = between(deal.openedOn, end, (i + 1) / (steps.length + 1));
    list.push({
      when: at(day, "15:00"),
      what: () =>
        w.deals.handle(stream, { type: "MoveDealStage", data: { dealId, stage } }, { actor: `user:${repId}` }),
    });
    list.push({
      when: at(day, "10:00"),
      what: () =>
        w.customers.handle(customerStreamId(customerId), {
          type: "LogInteraction",
          data: {
            customerId,
            repId,
            channel: i % 3 === 0 ? "visit" : i % 3 === 1 ? "meeting" : "call",
            occurredAt: at(day, "10:00"),
            outcome: i === steps.length - 1 && deal.outcome === "lost" ? "negative" : "positive",
            dealId,
          },
        }),
    });
  });
  if (deal.detail === "competitor") {
    list.push({
      when: at(between(deal.openedOn, end, 0.1), "16:00"),
      what: () =>
        w.deals.handle(stream, {
          type: "AddDealCompetitor",
          data: {
            dealId,
            competitor: { competitorId: "globex", name: "Globex", strengths: ["price"], weaknesses: ["support"] },
          },
        }),
    });
  }
  if (deal.outcome === "won") {
    list.push({
      when: at(deal.closeDate, "17:00"),
      what: async () => {
        await w.deals.handle(stream, {
          type: "WinDeal",
          data: { dealId, closedOn: deal.closeDate, reason: "product_fit" },
        });
        const closedAt = at(deal.closeDate, "17:00");
        await w.credits.handle(creditStreamId({ kind: "deal", id: dealId }), {
          type: "AssignDealCredit",
          data: {
            dealId,
            customerId,
            amount: usd(deal.dollars),
            closedAt,
            owner: ownerFactAt(ownership(), customerId, closedAt)!,
          },
        });
      },
    });
  } else if (deal.outcome === "lost") {
    list.push({
      when: at(deal.closeDate, "17:00"),
      what: () =>
        w.deals.handle(stream, {
          type: "LoseDeal",
          data: {
            dealId,
            closedOn: deal.closeDate,
            reason: deal.detail ?? "price",
            ...(deal.detail === "competitor" ? { lostToCompetitorId: "globex" } : {}),
          },
        }),
    });
  }
  return list;
}

/** The add-on order Borealis places in August, invoiced, then one unit refunded in September. */
function orderHappenings(w: DemoWorld, ownership: () => SaleOwnershipState): Happening[] {
  const orderId = "o-borealis-1";
  const customerId = "cu-borealis";
  const orderedAt = at("2026-08-20", "11:00");
  return [
    {
      when: orderedAt,
      what: async () => {
        const placed = await w.orders.handle(orderStreamId(orderId), {
          type: "PlaceOrder",
          data: {
            orderId,
            customerId,
            lines: [
              { lineId: "l-1", productId: "picker-arm", quantity: 4, unitPrice: usd(6_500), discountBps: 1_000 },
              { lineId: "l-2", productId: "fleet-software", quantity: 1, unitPrice: usd(12_000) },
            ],
          },
        });
        await w.orders.handle(orderStreamId(orderId), {
          type: "IssueInvoice",
          data: { orderId, invoiceId: "inv-9001", dueOn: "2026-09-19" },
        });
        const state = placed.state;
        if (state.status !== "placed") return;
        await w.credits.handle(creditStreamId({ kind: "order", id: orderId }), {
          type: "AssignOrderCredit",
          data: {
            orderId,
            customerId,
            orderedAt,
            owner: ownerFactAt(ownership(), customerId, orderedAt)!,
            lines: ["l-1", "l-2"].map((lineId) => {
              const line = state.lines[lineId]!.line;
              return { lineId, productId: line.productId, amount: line.lineTotal, units: line.quantity };
            }),
          },
        });
      },
    },
    {
      when: at("2026-09-10", "14:00"),
      what: async () => {
        const refund = await w.orders.handle(orderStreamId(orderId), {
          type: "RefundOrderLine",
          data: { orderId, lineId: "l-1", quantity: 1, reason: "one arm returned: wrong reach" },
        });
        const refunded = refund.events.find((e) => e.type === "OrderLineRefunded");
        if (refunded?.type !== "OrderLineRefunded") return;
        await w.credits.handle(creditStreamId({ kind: "order", id: orderId }), {
          type: "ReverseCredit",
          data: {
            source: { kind: "order", id: orderId },
            kind: "refund",
            adjustmentId: refunded.data.line.adjustmentId,
            lineId: "l-1",
            amount: refunded.data.line.lineTotal,
            units: -1,
            at: at("2026-09-10", "14:00"),
          },
        });
      },
    },
  ];
}

/** A scheduled step of the demo's own (a meeting, a review): runs when the clock reaches it. */
export interface Milestone {
  readonly when: string;
  readonly what: () => Promise<unknown>;
}

/**
 * Plays the quarter in time order: deals opened and moved with their interactions, won (with sales credit) or
 * lost, the order and its refund, and any milestones (meetings, reviews). Returns how many steps ran.
 */
export async function playQuarter(
  w: DemoWorld,
  ownership: () => SaleOwnershipState,
  milestones: readonly Milestone[] = [],
): Promise<number> {
  const all = [
    ...DEALS.flatMap((d) => happeningsOf(w, d, ownership)),
    ...orderHappenings(w, ownership),
    ...milestones,
  ].sort((a, b) => Date.parse(a.when) - Date.parse(b.when));
  for (const h of all) {
    w.setToday(h.when);
    await h.what();
  }
  return all.length;
}
