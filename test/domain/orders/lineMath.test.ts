import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainRuleError, money } from "../../../src/index.ts";
import {
  lineTotalOf,
  marginOf,
  type OrderEvent,
  type OrderState,
  orderDecider,
  shareOfLine,
} from "../../../src/orders/index.ts";

describe("line math", () => {
  it("computes line totals exactly, rounding once half-up", () => {
    // 3 × 99,999 = 299,997; × 0.875 = 262,497.375 → 262,497.
    expect(lineTotalOf(3, money(99_999, "USD"), 1250).amount).toBe(262_497);
    // 1 × 5 at 10 % off = 4.5 → 5 (half away from zero).
    expect(lineTotalOf(1, money(5, "USD"), 1000).amount).toBe(5);
    expect(lineTotalOf(7, money(100, "JPY"), 10_000).amount).toBe(0);
    // Overflow-safe: 1,000,000 × 9,000,000,000 minor units = 9e15 ≤ 2^53.
    expect(lineTotalOf(1_000_000, money(9_000_000_000, "USD"), 0).amount).toBe(9_000_000_000_000_000);
  });

  it("computes margins, also of negative lines", () => {
    expect(marginOf(money(1000, "USD"), 10, money(60, "USD")).amount).toBe(400);
    expect(marginOf(money(-200, "USD"), -2, money(60, "USD")).amount).toBe(-80);
  });

  it("property: line totals match an independent bigint computation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (q, p, d) => {
          const n = BigInt(q) * BigInt(p) * BigInt(10_000 - d);
          const expected = Number((n * 2n + 10_000n) / 20_000n); // half-up of n / 10,000 for n ≥ 0
          expect(lineTotalOf(q, money(p, "USD"), d).amount).toBe(expected);
        },
      ),
    );
  });

  it("property: returning a line in any pieces returns exactly its total, and never more", () => {
    const now = "2026-07-20T00:00:00.000Z";
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 9_999 }),
        fc.array(
          fc.oneof(
            fc.record({ units: fc.integer({ min: 1, max: 60 }) }),
            fc.record({ cents: fc.integer({ min: 1, max: 500_000 }) }),
          ),
          { maxLength: 30 },
        ),
        (quantity, price, discount, pieces) => {
          const total = lineTotalOf(quantity, money(price, "USD"), discount);
          let state: OrderState = orderDecider.evolve(orderDecider.initialState(), {
            type: "OrderPlaced",
            data: {
              orderId: "o",
              customerId: "c",
              orderedAt: now,
              currency: "USD",
              lines: [
                {
                  lineId: "l",
                  productId: "p",
                  quantity,
                  unitPrice: money(price, "USD"),
                  discountBps: discount,
                  lineTotal: total,
                },
              ],
              total,
            },
          });
          state = orderDecider.evolve(state, {
            type: "InvoiceIssued",
            data: { orderId: "o", invoiceId: "i", customerId: "c", issuedAt: now, dueOn: "2026-08-01", amount: total },
          });
          let returned = 0;
          let units = 0;
          let n = 0;
          const apply = (data: Record<string, unknown>) => {
            try {
              const [e] = orderDecider.decide(
                { type: "RefundOrderLine", data: { orderId: "o", lineId: "l", reason: "r", ...data } } as never,
                state,
                { now, actor: undefined, newId: () => `a-${++n}` },
              ) as OrderEvent[];
              const line = (e as Extract<OrderEvent, { type: "OrderLineRefunded" }>).data.line;
              expect(line.lineTotal.amount).toBeLessThan(0);
              returned -= line.lineTotal.amount;
              units -= line.quantity;
              state = orderDecider.evolve(state, e!);
            } catch (error) {
              if (!isDomainRuleError(error) || error.rule !== "refund_within_remaining") throw error;
            }
            expect(returned).toBeLessThanOrEqual(total.amount);
            expect(units).toBeLessThanOrEqual(quantity);
          };
          for (const p of pieces) apply("units" in p ? { quantity: p.units } : { amount: money(-p.cents, "USD") });
          // Whatever remains in units can still be returned, and then exactly the total has been returned.
          if (units < quantity) apply({ quantity: quantity - units });
          if (units === quantity) expect(returned).toBe(total.amount);
        },
      ),
    );
  });

  it("shares of a line telescope to the total", () => {
    const t = money(1000, "USD");
    expect([1, 2, 3].map((k) => shareOfLine(t, k, 3).amount)).toEqual([333, 667, 1000]);
  });
});
