import { describe, it } from "vitest";
import { type DealCommand, dealCommand, dealDecider, dealEvents, dealStreamId } from "../../../src/deals/index.ts";
import { createCommandHandler, createInMemoryEventStore } from "../../../src/index.ts";
import { assertRejectsInvalidCommands } from "../../support/invalidCommands.ts";

const usd = { amount: 4_800_000, currency: "USD" };
const valid: Record<DealCommand["type"], DealCommand[]> = {
  OpenDeal: [
    {
      type: "OpenDeal",
      data: {
        dealId: "d-1",
        customerId: "cu-1",
        ownerId: "rep-ana",
        name: "Acme ERP",
        amount: usd,
        stage: "proposal",
        probabilityBps: 5500,
        forecastCategory: "best_case",
        closeDate: "2026-09-30",
        openedOn: "2026-07-01",
        productIds: ["erp"],
      },
    },
  ],
  MoveDealStage: [{ type: "MoveDealStage", data: { dealId: "d-1", stage: "negotiation" } }],
  ChangeDealAmount: [{ type: "ChangeDealAmount", data: { dealId: "d-1", amount: usd } }],
  ChangeDealCloseDate: [{ type: "ChangeDealCloseDate", data: { dealId: "d-1", closeDate: "2026-10-31" } }],
  AdjustDealForecast: [
    { type: "AdjustDealForecast", data: { dealId: "d-1", probabilityBps: 7000, forecastCategory: "commit" } },
  ],
  ReassignDeal: [{ type: "ReassignDeal", data: { dealId: "d-1", ownerId: "rep-bo" } }],
  AddDealCompetitor: [
    {
      type: "AddDealCompetitor",
      data: {
        dealId: "d-1",
        competitor: { competitorId: "globex", name: "Globex", strengths: ["price"], weaknesses: ["support"] },
      },
    },
  ],
  RemoveDealCompetitor: [{ type: "RemoveDealCompetitor", data: { dealId: "d-1", competitorId: "globex" } }],
  WinDeal: [{ type: "WinDeal", data: { dealId: "d-1", closedOn: "2026-08-14", reason: "product_fit", amount: usd } }],
  LoseDeal: [
    {
      type: "LoseDeal",
      data: { dealId: "d-1", closedOn: "2026-08-14", reason: "price", detail: "cheaper", lostToCompetitorId: "globex" },
    },
  ],
};

describe("deal commands", () => {
  it("every deal command rejects bad input with a ValidationError and writes nothing", async () => {
    const store = createInMemoryEventStore({ catalog: dealEvents });
    const handler = createCommandHandler({ store, decider: dealDecider, commands: dealCommand });
    await assertRejectsInvalidCommands({
      schema: dealCommand,
      valid: Object.values(valid).flat(),
      store,
      handle: (command) => handler.handle(dealStreamId("d-1"), command as DealCommand),
    });
  });
});
