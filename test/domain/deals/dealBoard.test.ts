import { describe, expect, it } from "vitest";
import { dealBoard, dealCommand, dealDecider, dealEvents, dealStreamId } from "../../../src/deals/index.ts";
import {
  createCommandHandler,
  createInMemoryEventStore,
  fixedClock,
  money,
  rebuildProjection,
} from "../../../src/index.ts";

describe("dealBoard", () => {
  it("shows each deal's current stage, forecast, competitors and outcome", async () => {
    const store = createInMemoryEventStore({ catalog: dealEvents });
    const deals = createCommandHandler({
      store,
      decider: dealDecider,
      commands: dealCommand,
      clock: fixedClock("2026-08-14T08:00:00.000Z"),
    });
    const id = dealStreamId("d-1");
    await deals.handle(id, {
      type: "OpenDeal",
      data: {
        dealId: "d-1",
        customerId: "cu-1",
        ownerId: "ana",
        name: "Acme",
        amount: money(100, "USD"),
        openedOn: "2026-07-01",
        closeDate: "2026-09-30",
      },
    });
    await deals.handle(id, { type: "MoveDealStage", data: { dealId: "d-1", stage: "proposal" } });
    await deals.handle(id, {
      type: "AddDealCompetitor",
      data: { dealId: "d-1", competitor: { competitorId: "globex", name: "Globex", strengths: [], weaknesses: [] } },
    });
    await deals.handle(id, {
      type: "AddDealCompetitor",
      data: { dealId: "d-1", competitor: { competitorId: "initech", name: "Initech", strengths: [], weaknesses: [] } },
    });
    await deals.handle(id, { type: "RemoveDealCompetitor", data: { dealId: "d-1", competitorId: "initech" } });
    await deals.handle(id, { type: "ReassignDeal", data: { dealId: "d-1", ownerId: "bo" } });
    await deals.handle(id, {
      type: "WinDeal",
      data: { dealId: "d-1", closedOn: "2026-08-14", reason: "fit", amount: money(90, "USD") },
    });
    const { state } = await rebuildProjection(store, dealBoard);
    expect(state.deals["d-1"]).toEqual({
      dealId: "d-1",
      customerId: "cu-1",
      ownerId: "bo",
      name: "Acme",
      status: "won",
      stage: "proposal",
      amount: money(90, "USD"),
      probabilityBps: 10_000,
      forecastCategory: "closed",
      closeDate: "2026-09-30",
      openedOn: "2026-07-01",
      closedOn: "2026-08-14",
      reason: "fit",
      competitorIds: ["globex"],
    });
  });
});
