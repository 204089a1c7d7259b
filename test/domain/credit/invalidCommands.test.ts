import { describe, it } from "vitest";
import {
  type CreditCommand,
  creditCommand,
  creditDecider,
  creditEvents,
  creditStreamId,
} from "../../../src/credit/index.ts";
import { createCommandHandler, createInMemoryEventStore } from "../../../src/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";
import { dealCredit, orderCredit, reverseCredit, usd } from "./fixtures.ts";

const valid: Record<CreditCommand["type"], CreditCommand[]> = {
  AssignDealCredit: [
    dealCredit({
      margin: usd(10),
      productId: "erp",
      revenueSplits: [
        { repId: "rep-ana", shareBps: 6000 },
        { repId: "rep-bo", shareBps: 4000 },
      ],
      overlaySplits: [{ repId: "se-cy", shareBps: 10_000 }],
    }),
  ],
  AssignOrderCredit: [
    orderCredit({ lines: [{ lineId: "l-1", productId: "erp", amount: usd(1_000), margin: usd(300), units: 3 }] }),
  ],
  ReverseCredit: [reverseCredit({ margin: usd(-100), units: -1 })],
};

describe("credit commands", () => {
  it("every credit command rejects bad input with a ValidationError and writes nothing", async () => {
    const store = createInMemoryEventStore({ catalog: creditEvents });
    const handler = createCommandHandler({ store, decider: creditDecider, commands: creditCommand });
    await assertRejectsInvalidCommands({
      schema: creditCommand,
      valid: Object.values(valid).flat(),
      store,
      handle: (command) => handler.handle(creditStreamId({ kind: "order", id: "o-1" }), command as CreditCommand),
    });
  });
});
