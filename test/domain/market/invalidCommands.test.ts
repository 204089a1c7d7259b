import { describe, expect, it } from "vitest";
import {
  type MarketFeedbackCommand,
  marketEvents,
  marketFeedbackCommand,
  marketFeedbackDecider,
  marketFeedbackStreamId,
} from "../../../src/market/index.ts";
import { createCommandHandler, createInMemoryEventStore, fixedClock } from "../../../src/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";

const commands: MarketFeedbackCommand[] = [
  {
    type: "RecordMarketFeedback",
    data: {
      feedbackId: "f-1",
      kind: "price_signal",
      topic: "pricing",
      links: { customerId: "cu-1", dealId: "d-1", productId: "p-1" },
      competitor: "Acme",
      price: { amount: 9900, currency: "USD" },
      priceChangeBps: -500,
      note: "Acme cut list price",
      observedAt: "2026-07-01T00:00:00.000Z",
      reportedBy: "rep-ana",
    },
  },
  { type: "RetractMarketFeedback", data: { reason: "duplicate" } },
];

describe("market commands reject bad input with a ValidationError and write nothing", () => {
  it("covers every command type", () => {
    expect(new Set(commands.map((c) => c.type))).toEqual(
      new Set(marketFeedbackCommand.options.map((o) => o.shape.type.value)),
    );
  });
  for (const valid of commands) {
    it(valid.type, async () => {
      const store = createInMemoryEventStore({ catalog: marketEvents });
      const handler = createCommandHandler({
        store,
        decider: marketFeedbackDecider,
        commands: marketFeedbackCommand,
        clock: fixedClock("2026-07-10T00:00:00.000Z"),
      });
      await assertRejectsInvalidCommands({
        schema: marketFeedbackCommand,
        valid: [valid],
        store,
        handle: (c) => handler.handle(marketFeedbackStreamId("f-1"), c as MarketFeedbackCommand),
      });
    });
  }
  it("rejects topics that are not lower-case slugs", () => {
    for (const topic of ["Pricing", "price signal", "-x", ""]) {
      expect(marketFeedbackCommand.safeParse({ ...commands[0], data: { ...commands[0]!.data, topic } }).success).toBe(
        false,
      );
    }
  });
});
