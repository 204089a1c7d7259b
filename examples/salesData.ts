// Customers, deals, orders and sales credit end to end: customers with interactions and satisfaction, deals won and
// lost, an order with a refund, credits with a revenue split and an overlay, then the pipeline, win/loss and a
// customer 360. Run it with `npx tsx examples/salesData.ts`.
// #region setup
import {
  type Clock,
  createCommandHandler,
  createEventCatalog,
  createInMemoryEventStore,
  formatMoney,
  money,
  rebuildProjection,
  sequentialIds,
} from "salesfold";
import { customer360, customer360Of, csatBps, pipeline, winLoss, winRateBps } from "salesfold/analytics";
import { AccountOwnerAssigned } from "salesfold/assignments";
import {
  creditCommand,
  creditDecider,
  creditEvents,
  creditStreamId,
  ownerFactAt,
  repCredits,
  saleOwnership,
} from "salesfold/credit";
import { customerCommand, customerDecider, customerEvents, customerStreamId } from "salesfold/customers";
import { dealCommand, dealDecider, dealEvents, dealStreamId } from "salesfold/deals";
import { orderCommand, orderDecider, orderEvents, orderStreamId } from "salesfold/orders";

let today = "2026-07-01T01:00:00.000Z";
const clock: Clock = { now: () => today };
const catalog = createEventCatalog([customerEvents, dealEvents, orderEvents, creditEvents, AccountOwnerAssigned]);
const store = createInMemoryEventStore({ catalog, clock, ids: sequentialIds("evt") });
const options = { store, clock, ids: sequentialIds("id") };
const customers = createCommandHandler({ ...options, decider: customerDecider, commands: customerCommand });
const deals = createCommandHandler({ ...options, decider: dealDecider, commands: dealCommand });
const orders = createCommandHandler({ ...options, decider: orderDecider, commands: orderCommand });
const credits = createCommandHandler({ ...options, decider: creditDecider, commands: creditCommand });
const usd = (dollars: number) => money(dollars * 100, "USD");

for (const [customerId, name, segment] of [
  ["cu-acme", "Acme", "enterprise"],
  ["cu-globo", "Globo", "smb"],
  ["cu-initrode", "Initrode", "mid_market"],
] as const) {
  await customers.handle(customerStreamId(customerId), {
    type: "RegisterCustomer",
    data: {
      customerId,
      kind: "company",
      name,
      segment,
      contacts: [{ contactId: `${customerId}-buyer`, name: "Li Wei" }],
    },
  });
}
// Acme belongs to Ana until 1 August, then to Bo (from the assignments area).
await store.append(
  "assignments-acme",
  [
    {
      type: "AccountOwnerAssigned",
      data: { customerId: "cu-acme", repId: "rep-ana", effectiveFrom: "2026-01-01T00:00:00.000Z" },
    },
    {
      type: "AccountOwnerAssigned",
      data: { customerId: "cu-acme", repId: "rep-bo", effectiveFrom: "2026-08-01T00:00:00.000Z" },
    },
  ],
  { expectedVersion: "any" },
);
await customers.handle(customerStreamId("cu-acme"), {
  type: "LogInteraction",
  data: {
    customerId: "cu-acme",
    repId: "rep-ana",
    channel: "visit",
    occurredAt: "2026-07-01T00:30:00.000Z",
    outcome: "positive",
    dealId: "d-acme",
  },
});
await customers.handle(customerStreamId("cu-acme"), {
  type: "RecordCsat",
  data: { customerId: "cu-acme", surveyId: "s-1", score: 5 },
});
// #endregion setup

// #region deals
const open = (dealId: string, customerId: string, ownerId: string, dollars: number, closeDate: string) =>
  deals.handle(dealStreamId(dealId), {
    type: "OpenDeal",
    data: { dealId, customerId, ownerId, name: dealId, amount: usd(dollars), openedOn: "2026-07-01", closeDate },
  });
await open("d-acme", "cu-acme", "rep-ana", 48_000, "2026-07-31");
await open("d-globo", "cu-globo", "rep-bo", 30_000, "2026-08-31");
await open("d-initrode", "cu-initrode", "rep-bo", 20_000, "2026-09-30");
await open("d-acme-2", "cu-acme", "rep-bo", 12_000, "2026-10-15");
await deals.handle(dealStreamId("d-initrode"), {
  type: "MoveDealStage",
  data: { dealId: "d-initrode", stage: "negotiation" },
});
await deals.handle(dealStreamId("d-acme-2"), {
  type: "MoveDealStage",
  data: { dealId: "d-acme-2", stage: "proposal" },
});
const globex = { competitorId: "globex", name: "Globex", strengths: ["price"], weaknesses: ["support"] };
await deals.handle(dealStreamId("d-globo"), {
  type: "AddDealCompetitor",
  data: { dealId: "d-globo", competitor: globex },
});
today = "2026-07-20T08:00:00.000Z";
const won = await deals.handle(dealStreamId("d-acme"), {
  type: "WinDeal",
  data: { dealId: "d-acme", closedOn: "2026-07-20", reason: "product_fit" },
});
await deals.handle(dealStreamId("d-globo"), {
  type: "LoseDeal",
  data: { dealId: "d-globo", closedOn: "2026-07-20", reason: "price", lostToCompetitorId: "globex" },
});
// #endregion deals

// #region credit
// The owner at the close instant comes from the ownership projection; the 60/40 revenue split and the 100 %
// overlay for the solution engineer come with the command.
const ownership = (await rebuildProjection(store, saleOwnership)).state;
const deal = won.events.find((e) => e.type === "DealWon")!.data;
await credits.handle(creditStreamId({ kind: "deal", id: "d-acme" }), {
  type: "AssignDealCredit",
  data: {
    dealId: "d-acme",
    customerId: deal.customerId,
    amount: deal.amount,
    closedAt: today,
    owner: ownerFactAt(ownership, "cu-acme", today)!,
    revenueSplits: [
      { repId: "rep-ana", shareBps: 6_000 },
      { repId: "rep-bo", shareBps: 4_000 },
    ],
    overlaySplits: [{ repId: "se-cy", shareBps: 10_000 }],
  },
});

// An order in August (Bo owns Acme by then), invoiced, then one unit refunded: a negative line, and negative credit.
today = "2026-08-05T02:00:00.000Z";
const placed = await orders.handle(orderStreamId("o-1"), {
  type: "PlaceOrder",
  data: {
    orderId: "o-1",
    customerId: "cu-acme",
    lines: [{ lineId: "l-1", productId: "erp-seat", quantity: 3, unitPrice: usd(999), discountBps: 1_000 }],
  },
});
await orders.handle(orderStreamId("o-1"), {
  type: "IssueInvoice",
  data: { orderId: "o-1", invoiceId: "inv-1", dueOn: "2026-09-04" },
});
await credits.handle(creditStreamId({ kind: "order", id: "o-1" }), {
  type: "AssignOrderCredit",
  data: {
    orderId: "o-1",
    customerId: "cu-acme",
    orderedAt: today,
    owner: ownerFactAt(ownership, "cu-acme", today)!,
    // The line total the order computed: 3 × USD 999.00 less 10 % = USD 2,697.30.
    lines:
      placed.state.status === "placed"
        ? [{ lineId: "l-1", productId: "erp-seat", amount: placed.state.lines["l-1"]!.line.lineTotal, units: 3 }]
        : [],
  },
});
today = "2026-08-20T02:00:00.000Z";
const refund = await orders.handle(orderStreamId("o-1"), {
  type: "RefundOrderLine",
  data: { orderId: "o-1", lineId: "l-1", quantity: 1, reason: "seat unused" },
});
const refunded = refund.events.find((e) => e.type === "OrderLineRefunded")!.data;
console.log(`refund line ${formatMoney(refunded.line.lineTotal)}`);
await credits.handle(creditStreamId({ kind: "order", id: "o-1" }), {
  type: "ReverseCredit",
  data: {
    source: { kind: "order", id: "o-1" },
    kind: "refund",
    adjustmentId: refunded.line.adjustmentId,
    lineId: "l-1",
    amount: refunded.line.lineTotal,
    units: -1,
    at: today,
  },
});
// #endregion credit

// #region report
const f = (minor: number) => formatMoney(money(minor, "USD"));
const pipe = (await rebuildProjection(store, pipeline)).state;
for (const [stage, byCurrency] of Object.entries(pipe.byStage)) {
  const t = byCurrency.USD!;
  console.log(
    `pipeline ${stage.padEnd(12)} ${t.count} deal(s) ${f(t.amount).padStart(14)} weighted ${f(t.weighted).padStart(14)}`,
  );
}
for (const [category, byCurrency] of Object.entries(pipe.byCategory)) {
  console.log(`forecast ${category.padEnd(12)} weighted ${f(byCurrency.USD!.weighted)}`);
}

const wl = (await rebuildProjection(store, winLoss)).state;
console.log(
  `win/loss won ${wl.won.count} lost ${wl.lost.count} win rate ${winRateBps(wl.won.count, wl.lost.count)} bps`,
);
for (const [reason, t] of Object.entries(wl.lostByReason)) console.log(`lost for ${reason}: ${t.count}`);
for (const [id, c] of Object.entries(wl.byCompetitor))
  console.log(`competitor ${id}: on ${c.closed} closed, lost to ${c.lostTo}`);

const credit = (await rebuildProjection(store, repCredits)).state;
for (const [repId, byCurrency] of Object.entries(credit.byRep)) {
  const t = byCurrency.USD!;
  console.log(`credit ${repId.padEnd(8)} revenue ${f(t.revenue).padStart(12)} overlay ${f(t.overlay).padStart(12)}`);
}

const acme = customer360Of((await rebuildProjection(store, customer360)).state, "cu-acme")!;
console.log(
  `360 ${acme.profile?.name}: ${acme.interactions.count} interaction(s), deals won ${acme.deals.won} open ${acme.deals.open}, ` +
    `net purchases ${f(acme.purchases.byCurrency.USD!.net)}, CSAT ${csatBps(acme.satisfaction.csat)} bps, ` +
    `owners ${acme.owners.map((o) => o.repId).join(" -> ")}`,
);
// #endregion report
