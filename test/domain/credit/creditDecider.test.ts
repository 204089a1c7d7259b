import { describe, expect, it } from "vitest";
import { type CreditEvent, creditCommand, creditDecider, creditRules } from "../../../src/credit/index.ts";
import { money } from "../../../src/index.ts";
import { deciderSpec } from "../../../src/testing.ts";
import { closedAt, dealCredit, orderCredit, reverseCredit, run, usd } from "./fixtures.ts";

const spec = deciderSpec(creditDecider, { commands: creditCommand, now: closedAt, idPrefix: "cr" });
const split3 = [
  { repId: "rep-ana", shareBps: 3334 },
  { repId: "rep-bo", shareBps: 3333 },
  { repId: "rep-cy", shareBps: 3333 },
];

const credit = (data: Partial<CreditEvent["data"]>): CreditEvent =>
  ({
    type: "SalesCreditAssigned",
    data: {
      customerId: "cu-1",
      source: { kind: "order", id: "o-1", lineId: "l-1" },
      productId: "erp",
      creditedAt: "2026-07-10T02:00:00.000Z",
      ...data,
    },
  }) as CreditEvent;
const anaOrder = credit({
  creditId: "c-1",
  repId: "rep-ana",
  splitType: "revenue",
  shareBps: 10_000,
  amount: usd(1_000),
  units: 3,
});

describe("credit decider", () => {
  it("credits a won deal 100 % to the account owner by default", () => {
    spec
      .given([])
      .when(dealCredit())
      .then([
        {
          type: "SalesCreditAssigned",
          data: {
            creditId: "cr-000001",
            repId: "rep-ana",
            customerId: "cu-1",
            source: { kind: "deal", id: "d-1" },
            splitType: "revenue",
            shareBps: 10_000,
            amount: usd(100_000),
            creditedAt: closedAt,
          },
        },
      ]);
  });

  it("splits revenue with allocate so the parts sum exactly (revenue_splits_total_100_percent)", () => {
    // 100 over 3334/3333/3333 bps → exact shares 33.34, 33.33, 33.33 → floors 33, 33, 33; the spare unit goes to
    // the largest remainder (0.34, rep-ana).
    const out = run(creditDecider).exec(dealCredit({ amount: usd(100), revenueSplits: split3 }));
    expect(out.map((e) => [e.data.repId, e.data.amount.amount])).toEqual([
      ["rep-ana", 34],
      ["rep-bo", 33],
      ["rep-cy", 33],
    ]);
    spec
      .given([])
      .when(
        dealCredit({
          revenueSplits: [
            { repId: "rep-ana", shareBps: 6000 },
            { repId: "rep-bo", shareBps: 3999 },
          ],
        }),
      )
      .then("revenue_splits_total_100_percent");
  });

  it("credits overlays on top, unconstrained, half-up per line", () => {
    const out = run(creditDecider).exec(
      dealCredit({
        amount: usd(1_001),
        overlaySplits: [
          { repId: "se-cy", shareBps: 5_000 },
          { repId: "mgr-dee", shareBps: 15_000 },
        ],
      }),
    );
    expect(out.map((e) => [e.data.repId, e.data.splitType, e.data.amount.amount])).toEqual([
      ["rep-ana", "revenue", 1_001],
      ["se-cy", "overlay", 501], // 500.5 → 501
      ["mgr-dee", "overlay", 1_502], // 1,501.5 → 1,502
    ]);
  });

  it("lists each rep once per split type (split_reps_unique)", () => {
    spec
      .given([])
      .when(
        dealCredit({
          revenueSplits: [
            { repId: "rep-ana", shareBps: 5000 },
            { repId: "rep-ana", shareBps: 5000 },
          ],
        }),
      )
      .then("split_reps_unique");
    spec
      .given([])
      .when(
        dealCredit({
          overlaySplits: [
            { repId: "se", shareBps: 1 },
            { repId: "se", shareBps: 2 },
          ],
        }),
      )
      .then("split_reps_unique");
  });

  it("gives the account owner a revenue split (owner_in_revenue_split)", () => {
    spec
      .given([])
      .when(dealCredit({ revenueSplits: [{ repId: "rep-bo", shareBps: 10_000 }] }))
      .then("owner_in_revenue_split");
  });

  it("uses an ownership in effect at the sale (owner_effective_at_sale)", () => {
    spec
      .given([])
      .when(dealCredit({ owner: { repId: "rep-ana", effectiveFrom: "2026-08-14T08:00:00.001Z" } }))
      .then("owner_effective_at_sale");
    // Half-open: ownership from exactly the close instant counts.
    spec
      .given([])
      .when(dealCredit({ owner: { repId: "rep-ana", effectiveFrom: "2026-08-14T16:00:00+08:00" } }))
      .then([
        {
          type: "SalesCreditAssigned",
          data: {
            creditId: "cr-000001",
            repId: "rep-ana",
            customerId: "cu-1",
            source: { kind: "deal", id: "d-1" },
            splitType: "revenue",
            shareBps: 10_000,
            amount: usd(100_000),
            creditedAt: closedAt,
          },
        },
      ]);
  });

  it("credits once (credit_already_assigned) and never negative amounts (credit_amount_not_negative)", () => {
    spec.given([anaOrder]).when(orderCredit()).then("credit_already_assigned");
    spec
      .given([])
      .when(dealCredit({ amount: usd(-1) }))
      .then("credit_amount_not_negative");
  });

  it("keeps one currency per source (credit_single_currency)", () => {
    spec
      .given([])
      .when(
        orderCredit({
          lines: [
            { lineId: "a", productId: "p", amount: usd(1) },
            { lineId: "b", productId: "p", amount: money(1, "EUR") },
          ],
        }),
      )
      .then("credit_single_currency");
    spec
      .given([])
      .when(dealCredit({ margin: money(1, "EUR") }))
      .then("credit_single_currency");
  });

  it("credits each order line with units and margin split like the revenue", () => {
    const out = run(creditDecider).exec(
      orderCredit({
        lines: [{ lineId: "l-1", productId: "erp", amount: usd(1_000), margin: usd(301), units: 3 }],
        revenueSplits: [
          { repId: "rep-ana", shareBps: 5000 },
          { repId: "rep-bo", shareBps: 5000 },
        ],
      }),
    );
    expect(
      out.map((e) => [e.data.repId, e.data.amount.amount, e.data.margin?.amount, e.data.units, e.data.source.lineId]),
    ).toEqual([
      ["rep-ana", 500, 151, 2, "l-1"],
      ["rep-bo", 500, 150, 1, "l-1"],
    ]);
  });

  it("reverses refunds as negative credits naming the credit reversed", () => {
    spec
      .given([anaOrder])
      .when(reverseCredit({ amount: usd(-400), units: -1 }))
      .then([
        credit({
          creditId: "cr-000001",
          repId: "rep-ana",
          source: { kind: "refund", id: "o-1", lineId: "l-1" },
          splitType: "revenue",
          shareBps: 10_000,
          amount: usd(-400),
          units: -1,
          creditedAt: "2026-07-20T02:00:00.000Z",
          reversesCreditId: "c-1",
          adjustmentId: "a-1",
        }),
      ]);
  });

  it("needs credits to reverse (credit_not_assigned) on the same source (credit_source_matches)", () => {
    spec.given([]).when(reverseCredit()).then("credit_not_assigned");
    spec
      .given([anaOrder])
      .when(reverseCredit({ source: { kind: "order", id: "o-2" } }))
      .then("credit_source_matches");
    spec
      .given([anaOrder])
      .when(reverseCredit({ source: { kind: "deal", id: "o-1" } }))
      .then("credit_source_matches");
  });

  it("reverses only credited lines (credit_line_not_found)", () => {
    spec
      .given([anaOrder])
      .when(reverseCredit({ lineId: "l-9" }))
      .then("credit_line_not_found");
    spec
      .given([anaOrder])
      .when(reverseCredit({ lineId: undefined }))
      .then("credit_line_not_found");
    spec
      .given([])
      .when(
        orderCredit({
          lines: [
            { lineId: "a", productId: "p", amount: usd(1) },
            { lineId: "a", productId: "p", amount: usd(1) },
          ],
        }),
      )
      .then("credit_line_not_found");
  });

  it("refuses positive reversals (reversal_negative) and reversals beyond the credit (reversal_within_credited)", () => {
    spec
      .given([anaOrder])
      .when(reverseCredit({ amount: usd(500) }))
      .then("reversal_negative");
    spec
      .given([anaOrder])
      .when(reverseCredit({ amount: money(-500, "EUR") }))
      .then("reversal_negative");
    spec
      .given([anaOrder])
      .when(reverseCredit({ amount: usd(-1_001) }))
      .then("reversal_within_credited");
  });

  it("reverses each adjustment once (reversal_once)", () => {
    const reversal = credit({
      creditId: "c-2",
      repId: "rep-ana",
      source: { kind: "refund", id: "o-1", lineId: "l-1" },
      splitType: "revenue",
      shareBps: 10_000,
      amount: usd(-100),
      reversesCreditId: "c-1",
      adjustmentId: "a-1",
    });
    spec.given([anaOrder, reversal]).when(reverseCredit()).then("reversal_once");
    spec
      .given([anaOrder, reversal])
      .when(reverseCredit({ adjustmentId: "a-2", amount: usd(-900) }))
      .then([
        credit({
          creditId: "cr-000001",
          repId: "rep-ana",
          source: { kind: "refund", id: "o-1", lineId: "l-1" },
          splitType: "revenue",
          shareBps: 10_000,
          amount: usd(-900),
          creditedAt: "2026-07-20T02:00:00.000Z",
          reversesCreditId: "c-1",
          adjustmentId: "a-2",
        }),
      ]);
    spec
      .given([anaOrder, reversal])
      .when(reverseCredit({ adjustmentId: "a-2", amount: usd(-901) }))
      .then("reversal_within_credited");
  });

  it("reverses a deal cancellation at the original shares, overlays included", () => {
    const r = run(creditDecider);
    r.exec(dealCredit({ amount: usd(100), revenueSplits: split3, overlaySplits: [{ repId: "se", shareBps: 10_000 }] }));
    const out = r.exec(
      reverseCredit({
        source: { kind: "deal", id: "d-1" },
        kind: "cancellation",
        lineId: undefined,
        amount: usd(-100),
      }),
    );
    expect(
      out.map((e) => [e.data.repId, e.data.splitType, e.data.amount.amount, e.data.reversesCreditId, e.data.source]),
    ).toEqual([
      ["rep-ana", "revenue", -34, "c-1", { kind: "cancellation", id: "d-1" }],
      ["rep-bo", "revenue", -33, "c-2", { kind: "cancellation", id: "d-1" }],
      ["rep-cy", "revenue", -33, "c-3", { kind: "cancellation", id: "d-1" }],
      ["se", "overlay", -100, "c-4", { kind: "cancellation", id: "d-1" }],
    ]);
  });

  it("names every rule it lists", () => {
    expect(Object.entries(creditRules).every(([k, v]) => k === v)).toBe(true);
  });
});
