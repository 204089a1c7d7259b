import { describe, expect, it } from "vitest";
import { rfm, rfmSegments } from "../../../src/analytics/index.ts";
import { fold, money } from "../../../src/index.ts";
import type { OrderEvent } from "../../../src/orders/index.ts";
import { envelopes } from "./envelopes.ts";

const usd = (n: number) => money(n, "USD");
let n = 0;
const order = (customerId: string, orderedAt: string, amount: number, currency = "USD"): OrderEvent => {
  n += 1;
  return {
    type: "OrderPlaced",
    data: {
      orderId: `o${n}`,
      customerId,
      orderedAt,
      currency,
      lines: [
        {
          lineId: "l",
          productId: "p",
          quantity: 1,
          unitPrice: money(amount, currency),
          discountBps: 0,
          lineTotal: money(amount, currency),
        },
      ],
      total: money(amount, currency),
    },
  };
};
const day = (d: number) => `2026-12-${String(d).padStart(2, "0")}T12:00:00.000Z`;

describe("rfm", () => {
  // Five customers, each measure strictly ordered so ranks (and therefore scores 1..5) are known:
  //   c1: last 1 Dec, 1 order, 100      → R1 F1 M1 → lost
  //   c2: last 5 Dec, 2 orders, 200     → R2 F2 M2 → lost
  //   c3: last 10 Dec, 3 orders, 300    → R3 F3 M3 → needs_attention
  //   c4: last 20 Dec, 4 orders, 400    → R4 F4 M4 → champions
  //   c5: last 30 Dec, 5 orders, 500    → R5 F5 M5 → champions
  const events: OrderEvent[] = [];
  for (let k = 1; k <= 5; k++) {
    const last = [1, 5, 10, 20, 30][k - 1]!;
    for (let j = 0; j < k; j++) events.push(order(`c${k}`, day(last), 100));
  }
  const asOf = "2026-12-31T12:00:00.000Z";

  it("scores each measure 1–5 by rank and maps scores to segments", () => {
    const state = fold(rfm, envelopes(events));
    const out = rfmSegments(state, { asOf, timeZone: "UTC", currency: "USD" });
    expect(out.map((c) => [c.customerId, c.recencyDays, c.frequency, c.monetary, c.r, c.f, c.m, c.segment])).toEqual([
      ["c1", 30, 1, 100, 1, 1, 1, "lost"],
      ["c2", 26, 2, 200, 2, 2, 2, "lost"],
      ["c3", 21, 3, 300, 3, 3, 3, "needs_attention"],
      ["c4", 11, 4, 400, 4, 4, 4, "champions"],
      ["c5", 1, 5, 500, 5, 5, 5, "champions"],
    ]);
  });

  it("is as of an instant: later orders and later refunds do not count; fully refunded orders do not count", () => {
    const refund = (orderId: string, customerId: string, at: string, amount: number): OrderEvent => ({
      type: "OrderLineRefunded",
      data: {
        orderId,
        customerId,
        invoiceId: "i",
        line: {
          adjustmentId: `r-${orderId}`,
          originalLineId: "l",
          productId: "p",
          quantity: -1,
          lineTotal: usd(-amount),
          reason: "x",
        },
        refundedAt: at,
      },
    });
    const a1 = order("a", "2026-11-01T00:00:00.000Z", 1_000);
    const a2 = order("a", "2026-12-01T00:00:00.000Z", 500);
    const b1 = order("b", "2026-11-15T00:00:00.000Z", 700);
    const late = order("b", "2027-01-05T00:00:00.000Z", 9_999);
    const eur = order("b", "2026-11-20T00:00:00.000Z", 5_000, "EUR");
    const events2 = [
      a1,
      a2,
      b1,
      late,
      eur,
      refund(a2.data.orderId as string, "a", "2026-12-10T00:00:00.000Z", 500),
      refund(a1.data.orderId as string, "a", "2027-02-01T00:00:00.000Z", 1_000),
    ];
    const state = fold(rfm, envelopes(events2));
    // As of 31 Dec (Shanghai dates): a has one counted order (a2 fully refunded), placed 1 Nov → 60 days.
    const out = rfmSegments(state, { asOf: "2026-12-31T00:00:00.000Z", timeZone: "Asia/Shanghai", currency: "USD" });
    expect(out.map((c) => [c.customerId, c.recencyDays, c.frequency, c.monetary])).toEqual([
      ["a", 60, 1, 1_000],
      ["b", 46, 1, 700],
    ]);
    // Two customers: b is more recent (R5 vs R1), ties on frequency (both 3), a spends more (M5 vs M1).
    expect(out.map((c) => [c.r, c.f, c.m])).toEqual([
      [1, 3, 5],
      [5, 3, 1],
    ]);
  });

  it("gives a lone customer the middle score, and ties the same score", () => {
    const state = fold(
      rfm,
      envelopes([
        order("x", "2026-12-01T00:00:00.000Z", 10),
        order("y", "2026-12-01T00:00:00.000Z", 10),
        order("z", "2026-12-01T00:00:00.000Z", 10),
      ]),
    );
    const out = rfmSegments(state, { asOf, timeZone: "UTC", currency: "USD" });
    expect(out.map((c) => [c.r, c.f, c.m])).toEqual([
      [3, 3, 3],
      [3, 3, 3],
      [3, 3, 3],
    ]);
    const lone = fold(rfm, envelopes([order("x", "2026-12-01T00:00:00.000Z", 10)]));
    expect(rfmSegments(lone, { asOf, timeZone: "UTC", currency: "USD" })[0]?.segment).toBe("needs_attention");
  });
});
