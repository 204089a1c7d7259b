import { describe, expect, it } from "vitest";
import { createProductMixProjection, productTrend, topProducts } from "../../../src/analytics/index.ts";
import { defineCalendar, fold, isValidationError, money } from "../../../src/index.ts";
import type { OrderEvent } from "../../../src/orders/index.ts";
import { envelopes } from "./envelopes.ts";

const usd = (n: number) => money(n, "USD");
const line = (lineId: string, productId: string, quantity: number, total: number, margin?: number) => ({
  lineId,
  productId,
  quantity,
  unitPrice: usd(total / quantity),
  discountBps: 0,
  lineTotal: usd(total),
  ...(margin === undefined ? {} : { margin: usd(margin) }),
});
const order = (orderId: string, orderedAt: string, lines: ReturnType<typeof line>[]): OrderEvent => ({
  type: "OrderPlaced",
  data: {
    orderId,
    customerId: "cu",
    orderedAt,
    currency: "USD",
    lines,
    total: usd(lines.reduce((t, l) => t + l.lineTotal.amount, 0)),
  },
});

describe("product mix", () => {
  // Shanghai is UTC+8: 2026-07-31T16:00Z is already 1 August there.
  const cal = defineCalendar({ timeZone: "Asia/Shanghai" });
  const mix = createProductMixProjection({ calendar: cal, period: "month" });
  const events: OrderEvent[] = [
    order("o1", "2026-07-05T00:00:00.000Z", [line("a", "erp", 2, 2_000, 800), line("b", "svc", 5, 500)]),
    order("o2", "2026-07-31T15:59:59.999Z", [line("a", "svc", 10, 1_000)]),
    order("o3", "2026-07-31T16:00:00.000Z", [line("a", "erp", 1, 1_000, 400)]),
    {
      type: "OrderLineRefunded",
      data: {
        orderId: "o1",
        customerId: "cu",
        invoiceId: "i",
        line: {
          adjustmentId: "r",
          originalLineId: "a",
          productId: "erp",
          quantity: -1,
          lineTotal: usd(-1_000),
          margin: usd(-400),
          reason: "x",
        },
        refundedAt: "2026-08-02T00:00:00.000Z",
      },
    },
  ];
  const state = fold(mix, envelopes(events));

  it("buckets lines by period in the calendar's zone; adjustments count where they happen", () => {
    expect(state.byPeriod["2026-07"]).toEqual({
      erp: { USD: { units: 2, revenue: 2_000, margin: 800, orderLines: 1 } },
      svc: { USD: { units: 15, revenue: 1_500, margin: 0, orderLines: 2 } },
    });
    expect(state.byPeriod["2026-08"]).toEqual({ erp: { USD: { units: 0, revenue: 0, margin: 0, orderLines: 1 } } });
  });

  it("ranks products and traces their trend", () => {
    expect(topProducts(state, "2026-07", "USD").map((p) => p.productId)).toEqual(["erp", "svc"]);
    expect(topProducts(state, "2026-07", "USD", { by: "units", limit: 1 }).map((p) => p.productId)).toEqual(["svc"]);
    expect(productTrend(state, "erp", "USD").map((r) => [r.periodId, r.revenue, r.revenueChange])).toEqual([
      ["2026-07", 2_000, undefined],
      ["2026-08", 0, -2_000],
    ]);
    expect(topProducts(state, "2026-09", "USD")).toEqual([]);
  });

  it("validates its options", () => {
    let caught: unknown;
    try {
      createProductMixProjection({ calendar: {} as never, period: "fortnight" as never });
    } catch (e) {
      caught = e;
    }
    expect(isValidationError(caught)).toBe(true);
  });
});
