// Deals, orders and sales credit: every command goes through the areas' command handlers; the ledger records the
// inputs and the figures the scenario computes itself (line totals, split parts, reversals).
import { creditStreamId } from "../../../src/credit/index.ts";
import { dealStreamId } from "../../../src/deals/index.ts";
import { orderStreamId } from "../../../src/orders/index.ts";
import { type Context, repsAt, today } from "./agenda.ts";
import { allocateParts, bpsHalfUp, lineTotal, shareOfLine } from "./arithmetic.ts";
import { type DealModel, type OrderLineModel, type OrderModel, ownerAt } from "./ledger.ts";
import { addDays, COMPETITORS, iso, localDate, MANAGER_OF_TEAM, MINUTE, PRODUCTS, SE, STAGES, USD } from "./world.ts";
import { teamAt } from "./ledger.ts";

const usd = (amount: number) => ({ amount, currency: USD });

function ownerFact(ctx: Context, customerId: string, at: number) {
  const o = ownerAt(ctx.h.ledger, customerId, at);
  if (!o?.repId) throw new Error(`${customerId} has no owner at ${iso(at)}`);
  return { repId: o.repId, effectiveFrom: iso(o.at) };
}

export async function openDeal(ctx: Context, customerId: string, openedOn: string, stage = 0): Promise<DealModel> {
  const { h, rng } = ctx;
  const dealId = ctx.next("d");
  const ownerId = ownerFact(ctx, customerId, h.peek()).repId;
  const amount = rng.int(8_000_00, 150_000_00);
  const first = rng.pick(PRODUCTS).productId;
  const second = rng.pick(PRODUCTS).productId;
  const productIds = first === second ? [first] : [first, second];
  const closeDate = addDays(today(ctx) > openedOn ? today(ctx) : openedOn, rng.int(20, 75));
  const openedAt = h.peek();
  await h.deals(dealStreamId(dealId), {
    type: "OpenDeal",
    data: {
      dealId,
      customerId,
      ownerId,
      name: `${customerId} ${productIds.join(" + ")}`,
      amount: usd(amount),
      ...(stage === 0 ? {} : { stage: STAGES[stage]!.id }),
      closeDate,
      openedOn,
      productIds,
    },
  });
  const s = STAGES[stage]!;
  const deal: DealModel = {
    dealId,
    customerId,
    openedBy: ownerId,
    ownerId,
    amount,
    stage,
    probabilityBps: s.probabilityBps,
    category: s.category,
    closeDate,
    openedOn,
    openedAt,
    competitors: [],
    status: "open",
    productIds,
  };
  h.ledger.deals[dealId] = deal;
  return deal;
}

/** One step of an open deal: a stage move, an amount or close-date change, a forecast override, a competitor. */
export async function progressDeal(ctx: Context, deal: DealModel): Promise<void> {
  const { h, rng } = ctx;
  const stream = dealStreamId(deal.dealId);
  const dealId = deal.dealId;
  const action = rng.weighted([
    ["stage", deal.stage < STAGES.length - 1 ? 6 : 0],
    ["amount", 2],
    ["close", 2],
    ["forecast", 1],
    ["add", deal.competitors.length < COMPETITORS.length ? 2 : 0],
    ["remove", deal.competitors.length > 0 ? 1 : 0],
  ] as const);
  if (action === "stage") {
    deal.stage += 1;
    const s = STAGES[deal.stage]!;
    await h.deals(stream, { type: "MoveDealStage", data: { dealId, stage: s.id } });
    deal.probabilityBps = s.probabilityBps;
    deal.category = s.category;
  } else if (action === "amount") {
    const amount = Math.max(1_000_00, Math.round((deal.amount * rng.int(80, 120)) / 100) + 1);
    await h.deals(stream, { type: "ChangeDealAmount", data: { dealId, amount: usd(amount) } });
    deal.amount = amount;
  } else if (action === "close") {
    // biome-ignore lint/complexity/useMathMinMax: calendar dates are ISO strings, which Math.max cannot compare
    const closeDate = addDays(deal.closeDate < today(ctx) ? today(ctx) : deal.closeDate, rng.int(7, 30));
    await h.deals(stream, { type: "ChangeDealCloseDate", data: { dealId, closeDate } });
    deal.closeDate = closeDate;
  } else if (action === "forecast") {
    const probabilityBps = Math.min(9_500, Math.max(500, deal.probabilityBps + rng.pick([-1_500, -500, 500, 1_500])));
    const forecastCategory = rng.pick(["pipeline", "best_case", "commit", "omitted"] as const);
    await h.deals(stream, { type: "AdjustDealForecast", data: { dealId, probabilityBps, forecastCategory } });
    deal.probabilityBps = probabilityBps;
    deal.category = forecastCategory;
  } else if (action === "add") {
    const c = rng.pick(COMPETITORS.filter((x) => !deal.competitors.includes(x.competitorId)));
    await h.deals(stream, {
      type: "AddDealCompetitor",
      data: { dealId, competitor: { ...c, strengths: [...c.strengths], weaknesses: [...c.weaknesses] } },
    });
    deal.competitors.push(c.competitorId);
  } else {
    const competitorId = rng.pick(deal.competitors);
    await h.deals(stream, { type: "RemoveDealCompetitor", data: { dealId, competitorId } });
    deal.competitors = deal.competitors.filter((c) => c !== competitorId);
  }
}

export async function reassignDeal(ctx: Context, deal: DealModel, ownerId: string): Promise<void> {
  await ctx.h.deals(dealStreamId(deal.dealId), { type: "ReassignDeal", data: { dealId: deal.dealId, ownerId } });
  deal.ownerId = ownerId;
}

/** Wins a deal now; its credit follows a few minutes later and its order (not credited: the deal is) later on. */
export async function winDeal(ctx: Context, deal: DealModel, creditAfterMinutes?: number): Promise<void> {
  const { h, rng } = ctx;
  const at = h.peek();
  const closedOn = localDate(at);
  const reason = rng.pick(["product_fit", "relationship", "price", "timing"]);
  const discounted = rng.chance(0.15) ? Math.round(deal.amount * 0.95) : undefined;
  await h.deals(dealStreamId(deal.dealId), {
    type: "WinDeal",
    data: { dealId: deal.dealId, closedOn, reason, ...(discounted === undefined ? {} : { amount: usd(discounted) }) },
  });
  Object.assign(deal, { status: "won", closedAt: at, closedOn, reason, amount: discounted ?? deal.amount });
  ctx.agenda.at(at + (creditAfterMinutes ?? rng.int(5, 90)) * MINUTE, () => assignDealCredit(ctx, deal));
  ctx.agenda.at(at + rng.int(30, 240) * MINUTE, async () => void (await placeOrder(ctx, deal.customerId, deal)));
}

export async function loseDeal(ctx: Context, deal: DealModel): Promise<void> {
  const { h, rng } = ctx;
  const at = h.peek();
  const lostTo = deal.competitors.length > 0 && rng.chance(0.6) ? rng.pick(deal.competitors) : undefined;
  const reason = lostTo ? "competitor" : rng.pick(["price", "no_budget", "timing", "no_decision"]);
  await h.deals(dealStreamId(deal.dealId), {
    type: "LoseDeal",
    data: { dealId: deal.dealId, closedOn: localDate(at), reason, ...(lostTo ? { lostToCompetitorId: lostTo } : {}) },
  });
  Object.assign(deal, { status: "lost", closedAt: at, closedOn: localDate(at), reason, ...(lostTo ? { lostTo } : {}) });
}

/** Revenue splits (the owner first) and overlay splits, drawn for a sale. */
function drawSplits(ctx: Context, owner: string, at: number, allowThreeWay: boolean) {
  const { rng } = ctx;
  const others = repsAt(at).filter((r) => r !== owner);
  const kind = rng.weighted([
    ["solo", 65],
    ["pair", 25],
    ["three", allowThreeWay ? 10 : 0],
  ] as const);
  let revenue: { repId: string; shareBps: number }[] | undefined;
  if (kind === "pair")
    revenue = [
      { repId: owner, shareBps: 6_000 },
      { repId: rng.pick(others), shareBps: 4_000 },
    ];
  if (kind === "three") {
    const a = rng.pick(others);
    const b = rng.pick(others.filter((r) => r !== a));
    revenue = [
      { repId: owner, shareBps: 3_400 },
      { repId: a, shareBps: 3_300 },
      { repId: b, shareBps: 3_300 },
    ];
  }
  const overlay: { repId: string; shareBps: number }[] = [];
  if (rng.chance(0.4)) overlay.push({ repId: SE, shareBps: allowThreeWay ? 10_000 : 1_000 });
  const team = teamAt(ctx.h.ledger, owner, at);
  if (team && rng.chance(0.15)) overlay.push({ repId: MANAGER_OF_TEAM[team]!, shareBps: 500 });
  return { revenue, overlay };
}

export async function assignDealCredit(ctx: Context, deal: DealModel): Promise<void> {
  const at = deal.closedAt!;
  const owner = ownerFact(ctx, deal.customerId, at);
  const { revenue, overlay } = drawSplits(ctx, owner.repId, at, true);
  await ctx.h.credits(creditStreamId({ kind: "deal", id: deal.dealId }), {
    type: "AssignDealCredit",
    data: {
      dealId: deal.dealId,
      customerId: deal.customerId,
      amount: usd(deal.amount),
      closedAt: iso(at),
      owner,
      ...(revenue ? { revenueSplits: revenue } : {}),
      ...(overlay.length > 0 ? { overlaySplits: overlay } : {}),
    },
  });
  const splits = revenue ?? [{ repId: owner.repId, shareBps: 10_000 }];
  const parts = allocateParts(
    deal.amount,
    splits.map((s) => s.shareBps),
  );
  const common = { customerId: deal.customerId, at, sourceKey: `deal:${deal.dealId}`, reversal: false };
  splits.forEach((s, i) => {
    ctx.h.ledger.credits.push({ ...common, repId: s.repId, revenue: true, amount: parts[i]! });
  });
  for (const o of overlay) {
    ctx.h.ledger.credits.push({
      ...common,
      repId: o.repId,
      revenue: false,
      amount: bpsHalfUp(deal.amount, o.shareBps),
    });
  }
}

/** Places an order now: for a won deal (credited through the deal) or a re-order (credited by the order). */
export async function placeOrder(
  ctx: Context,
  customerId: string,
  deal?: DealModel,
  invoiceAfterMinutes?: number,
): Promise<OrderModel> {
  const { h, rng } = ctx;
  const orderId = ctx.next("o");
  const products = deal
    ? deal.productIds
    : [rng.pick(PRODUCTS).productId, rng.pick(PRODUCTS).productId].slice(0, rng.int(1, 2));
  const lines: OrderLineModel[] = [...new Set(products)].map((productId, i) => {
    const p = PRODUCTS.find((x) => x.productId === productId)!;
    const quantity = rng.int(1, 12);
    const discountBps = rng.pick([0, 0, 500, 1_000, 1_250]);
    const total = lineTotal(quantity, p.unitPrice, discountBps);
    return {
      lineId: `l-${i + 1}`,
      productId,
      quantity,
      unitPrice: p.unitPrice,
      unitCost: p.unitCost,
      discountBps,
      total,
      remainingQuantity: quantity,
      remainingAmount: total,
      revenue: [],
      overlay: [],
      reversed: 0,
    };
  });
  const orderedAt = h.peek();
  await h.orders(orderStreamId(orderId), {
    type: "PlaceOrder",
    data: {
      orderId,
      customerId,
      ...(deal ? { dealId: deal.dealId } : {}),
      lines: lines.map((l) => ({
        lineId: l.lineId,
        productId: l.productId,
        quantity: l.quantity,
        unitPrice: usd(l.unitPrice),
        discountBps: l.discountBps,
        unitCost: usd(l.unitCost),
      })),
    },
  });
  const order: OrderModel = {
    orderId,
    customerId,
    ...(deal ? { dealId: deal.dealId } : {}),
    orderedAt,
    lines,
    credited: !deal,
    invoiced: false,
    adjustments: [],
  };
  h.ledger.orders[orderId] = order;
  if (!deal) ctx.agenda.at(orderedAt + rng.int(1, 30) * MINUTE, () => assignOrderCredit(ctx, order));
  // Most orders are invoiced within a day or two; one in ten waits a week (and may be cancelled in part before).
  const wait = invoiceAfterMinutes ?? (rng.chance(0.1) ? rng.int(5 * 24 * 60, 8 * 24 * 60) : rng.int(60, 48 * 60));
  ctx.agenda.at(orderedAt + wait * MINUTE, () => issueInvoice(ctx, order));
  return order;
}

async function issueInvoice(ctx: Context, order: OrderModel): Promise<void> {
  if (order.lines.every((l) => l.remainingQuantity === 0)) return;
  await ctx.h.orders(orderStreamId(order.orderId), {
    type: "IssueInvoice",
    data: { orderId: order.orderId, invoiceId: `inv-${order.orderId}`, dueOn: addDays(today(ctx), 30) },
  });
  order.invoiced = true;
}

async function assignOrderCredit(ctx: Context, order: OrderModel): Promise<void> {
  const at = order.orderedAt;
  const owner = ownerFact(ctx, order.customerId, at);
  const { revenue, overlay } = drawSplits(ctx, owner.repId, at, false);
  await ctx.h.credits(creditStreamId({ kind: "order", id: order.orderId }), {
    type: "AssignOrderCredit",
    data: {
      orderId: order.orderId,
      customerId: order.customerId,
      orderedAt: iso(at),
      owner,
      lines: order.lines.map((l) => ({
        lineId: l.lineId,
        productId: l.productId,
        amount: usd(l.total),
        units: l.quantity,
      })),
      ...(revenue ? { revenueSplits: revenue } : {}),
      ...(overlay.length > 0 ? { overlaySplits: overlay } : {}),
    },
  });
  const splits = revenue ?? [{ repId: owner.repId, shareBps: 10_000 }];
  const common = { customerId: order.customerId, at, sourceKey: `order:${order.orderId}`, reversal: false };
  for (const l of order.lines) {
    const parts = allocateParts(
      l.total,
      splits.map((s) => s.shareBps),
    );
    l.revenue = splits.map((s, i) => ({ ...s, amount: parts[i]!, held: parts[i]! }));
    l.overlay = overlay.map((o) => ({ ...o, amount: bpsHalfUp(l.total, o.shareBps) }));
    for (const c of l.revenue)
      ctx.h.ledger.credits.push({ ...common, repId: c.repId, revenue: true, amount: c.amount });
    for (const c of l.overlay)
      ctx.h.ledger.credits.push({ ...common, repId: c.repId, revenue: false, amount: c.amount });
  }
}

/**
 * Refunds (after invoicing) or cancels (before) part of a credited order line, by units or by a price-only amount,
 * then reverses the credit at the original shares.
 */
export async function adjustLine(
  ctx: Context,
  order: OrderModel,
  line: OrderLineModel,
  units: number,
  priceOnly?: number,
): Promise<void> {
  const { h } = ctx;
  const at = h.peek();
  const kind = order.invoiced ? "refund" : "cancellation";
  const adjustmentId = ctx.next("adj");
  let amount: number;
  if (priceOnly !== undefined) amount = -priceOnly;
  else if (units === line.remainingQuantity) amount = -line.remainingAmount;
  else {
    const returned = line.quantity - line.remainingQuantity;
    const before = shareOfLine(line.total, returned, line.quantity);
    const after = shareOfLine(line.total, returned + units, line.quantity);
    amount = -Math.min(after - before, line.remainingAmount);
  }
  const reason = kind === "refund" ? "returned by the customer" : "ordered by mistake";
  const data = { orderId: order.orderId, lineId: line.lineId, adjustmentId, reason };
  if (kind === "refund") {
    await h.orders(orderStreamId(order.orderId), {
      type: "RefundOrderLine",
      data: { ...data, ...(priceOnly === undefined ? { quantity: units } : { amount: usd(amount) }) },
    });
  } else {
    await h.orders(orderStreamId(order.orderId), { type: "CancelOrderLine", data: { ...data, quantity: units } });
  }
  const q = priceOnly === undefined ? units : 0;
  line.remainingQuantity -= q;
  line.remainingAmount += amount;
  order.adjustments.push({
    kind,
    lineId: line.lineId,
    productId: line.productId,
    quantity: -q,
    amount,
    margin: amount + q * line.unitCost,
    at,
  });
  if (!order.credited) return;
  await h.credits(creditStreamId({ kind: "order", id: order.orderId }), {
    type: "ReverseCredit",
    data: {
      source: { kind: "order", id: order.orderId },
      kind,
      adjustmentId,
      lineId: line.lineId,
      amount: usd(amount),
      ...(q > 0 ? { units: -q } : {}),
      at: iso(at),
    },
  });
  const common = { customerId: order.customerId, at, sourceKey: `order:${order.orderId}`, reversal: true };
  const held = line.revenue.map((c) => c.held);
  const parts = held.every((x) => x === 0) ? held.map(() => 0) : allocateParts(amount, held);
  line.revenue.forEach((c, i) => {
    if (parts[i] === 0) return;
    c.held += parts[i]!;
    h.ledger.credits.push({ ...common, repId: c.repId, revenue: true, amount: parts[i]! });
  });
  const credited = line.revenue.reduce((t, c) => t + c.amount, 0);
  const before = line.reversed;
  const after = line.reversed - amount;
  line.reversed = after;
  for (const o of line.overlay) {
    const lost = after === credited ? o.amount : bpsHalfUp(after, o.shareBps);
    const piece = -(lost - bpsHalfUp(before, o.shareBps));
    if (piece !== 0) h.ledger.credits.push({ ...common, repId: o.repId, revenue: false, amount: piece });
  }
}
