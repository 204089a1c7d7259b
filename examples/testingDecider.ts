// Testing a decider and a projection: given/when/then specs for each rule, and a fast-check property over random
// histories. Runs under node:test with `npx tsx examples/testingDecider.ts`; vitest or jest work the same way.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { fold, money, sum } from "salesfold";
import { arbMoney, deciderSpec } from "salesfold/testing";
import { type DealEvent, deal, dealCommand, pipeline } from "./dealDomain.ts";

// #region spec
const spec = deciderSpec(deal, { commands: dealCommand, now: "2026-07-15T10:00:00.000Z", idPrefix: "deal" });
const amount = money(48_000_00, "USD");
const opened: DealEvent = {
  type: "DealOpened",
  data: { dealId: "deal-000001", repId: "rep-ana", amount, closeDate: "2026-09-30" },
};

describe("deal decider", () => {
  it("opens a deal with an id from the context", () => {
    spec
      .given([])
      .when({ type: "OpenDeal", data: { repId: "rep-ana", amount, closeDate: "2026-09-30" } })
      .then([opened]);
  });

  it("wins an open deal on the day of the decision", () => {
    spec
      .given([opened])
      .when({ type: "WinDeal", data: {} })
      .then([{ type: "DealWon", data: { dealId: "deal-000001", wonOn: "2026-07-15" } }]);
  });

  it("refuses to close a deal twice", () => {
    const won: DealEvent = { type: "DealWon", data: { dealId: "deal-000001", wonOn: "2026-07-15" } };
    spec
      .given([opened, won])
      .when({ type: "LoseDeal", data: { reason: "price" } })
      .then("deal_not_open");
  });

  it("rejects an invalid command before deciding", () => {
    spec
      .given([])
      .when({ type: "LoseDeal", data: { reason: "" } } as never)
      .thenThrows("validation_failed");
  });
});
// #endregion spec

// #region property
describe("pipeline projection", () => {
  it("never loses money: open + won + lost equals everything opened, per rep", () => {
    const history = fc.array(
      fc.record({
        rep: fc.constantFrom("rep-ana", "rep-bo"),
        amount: arbMoney({ currency: "USD", min: 0, max: 10_000_000 }),
        outcome: fc.constantFrom("open", "won", "lost"),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(history, (deals) => {
        const events = deals.flatMap((d, i): DealEvent[] => {
          const dealId = `d-${i}`;
          const open: DealEvent = {
            type: "DealOpened",
            data: { dealId, repId: d.rep, amount: d.amount, closeDate: "2026-09-30" },
          };
          if (d.outcome === "won") return [open, { type: "DealWon", data: { dealId, wonOn: "2026-07-01" } }];
          if (d.outcome === "lost") return [open, { type: "DealLost", data: { dealId, reason: "price" } }];
          return [open];
        });
        const envelopes = events.map((e, i) => ({ ...e, globalPosition: i + 1 })) as never;
        const state = fold(pipeline, envelopes);
        for (const rep of ["rep-ana", "rep-bo"]) {
          const r = state.reps[rep] ?? { open: 0, won: 0, lost: 0 };
          const opened = sum(
            deals.filter((d) => d.rep === rep).map((d) => d.amount),
            "USD",
          );
          assert.equal(r.open + r.won + r.lost, opened.amount);
        }
      }),
    );
  });
});
// #endregion property
