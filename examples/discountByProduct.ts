// Custom analytics, worked example 1: the average discount by product per month, over the orders area's events.
// Months are local months in the business time zone; refunds do not change what was discounted at sale.
// Run it with `npx tsx examples/discountByProduct.ts`.
// #region projection
import {
  createCommandHandler,
  createInMemoryEventStore,
  defineProjection,
  formatMoney,
  money,
  ratio,
  rebuildProjection,
  roundRatio,
} from "salesfold";
import { orderCommand, orderDecider, orderEvents, orderStreamId } from "salesfold/orders";
import { bucketing } from "salesfold/sales";

interface DiscountTally {
  lines: number;
  /** Σ quantity × unit price, in minor units. */
  list: number;
  /** Σ line totals after discount. */
  net: number;
  /** Σ of each line's discount in basis points, for the plain mean. */
  discountBpsSum: number;
}

const byMonth = bucketing({ by: "month", calendar: { timeZone: "Europe/Berlin" } });

export const discountByProduct = defineProjection({
  name: "discountByProduct",
  events: orderEvents,
  initialState: () => ({ months: {} as Record<string, Record<string, DiscountTally>> }),
  handlers: {
    OrderPlaced: (draft, { data }) => {
      const month = (draft.months[byMonth.key(data.orderedAt)] ??= {});
      for (const line of data.lines) {
        const t = (month[`${line.productId} ${line.unitPrice.currency}`] ??= {
          lines: 0,
          list: 0,
          net: 0,
          discountBpsSum: 0,
        });
        t.lines += 1;
        t.list += line.quantity * line.unitPrice.amount;
        t.net += line.lineTotal.amount;
        t.discountBpsSum += line.discountBps;
      }
    },
  },
});

/** The discount weighted by list value, in basis points, rounded half-up: Σ(list − net) / Σ list. */
export const weightedDiscountBps = (t: DiscountTally) =>
  t.list === 0 ? 0 : Number(roundRatio(ratio(BigInt(t.list - t.net) * 10_000n, BigInt(t.list)), "half_up"));
/** The plain mean of the lines' discounts, in basis points, rounded half-up. */
export const meanDiscountBps = (t: DiscountTally) =>
  Number(roundRatio(ratio(BigInt(t.discountBpsSum), BigInt(t.lines)), "half_up"));
// #endregion projection

// #region run
let now = "2026-07-03T08:00:00.000Z";
const store = createInMemoryEventStore({ catalog: orderEvents });
const orders = createCommandHandler({
  store,
  decider: orderDecider,
  commands: orderCommand,
  clock: { now: () => now },
});
const eur = (euros: number) => money(euros * 100, "EUR");
let n = 0;
const order = async (
  at: string,
  lines: [productId: string, quantity: number, euros: number, discountBps: number][],
) => {
  now = at;
  const orderId = `o-${++n}`;
  await orders.handle(orderStreamId(orderId), {
    type: "PlaceOrder",
    data: {
      orderId,
      customerId: `cu-${n}`,
      lines: lines.map(([productId, quantity, euros, discountBps], i) => ({
        lineId: `l-${i + 1}`,
        productId,
        quantity,
        unitPrice: eur(euros),
        discountBps,
      })),
    },
  });
};
await order("2026-07-03T08:00:00.000Z", [
  ["arm", 2, 5_000, 1_000],
  ["sensor", 10, 120, 0],
]);
await order("2026-07-17T08:00:00.000Z", [["arm", 1, 5_000, 2_500]]);
await order("2026-07-31T22:30:00.000Z", [["arm", 4, 5_000, 500]]); // 00:30 on 1 August in Berlin
await order("2026-08-12T08:00:00.000Z", [["sensor", 50, 120, 1_500]]);

const { state } = await rebuildProjection(store, discountByProduct);
for (const [month, products] of Object.entries(state.months)) {
  for (const [key, t] of Object.entries(products)) {
    const [productId, currency] = key.split(" ");
    const w = weightedDiscountBps(t);
    const m = meanDiscountBps(t);
    console.log(
      `${month} ${productId!.padEnd(7)} ${t.lines} line(s) list ${formatMoney(money(t.list, currency!)).padStart(13)} ` +
        `net ${formatMoney(money(t.net, currency!)).padStart(13)}  average discount ${(w / 100).toFixed(2)}% ` +
        `(by value), ${(m / 100).toFixed(2)}% (mean of lines)`,
    );
  }
}
// #endregion run
