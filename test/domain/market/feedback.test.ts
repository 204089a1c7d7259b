import { describe, expect, it } from "vitest";
import {
  type MarketEvent,
  MarketFeedbackRecorded,
  marketFeedbackCommand,
  marketFeedbackDecider,
} from "../../../src/market/index.ts";
import { deciderSpec } from "../../../src/testing.ts";

const now = "2026-07-10T09:00:00.000Z";
const spec = deciderSpec(marketFeedbackDecider, { commands: marketFeedbackCommand, now });
const record = (data: Record<string, unknown>) =>
  ({
    type: "RecordMarketFeedback",
    data: {
      feedbackId: "f-1",
      kind: "customer_request",
      topic: "integrations",
      links: { customerId: "cu-1" },
      note: "wants SAP sync",
      reportedBy: "rep-ana",
      ...data,
    },
  }) as never;
const recorded: MarketEvent = {
  type: "MarketFeedbackRecorded",
  data: {
    feedbackId: "f-1",
    kind: "customer_request",
    topic: "integrations",
    links: { customerId: "cu-1" },
    note: "wants SAP sync",
    reportedBy: "rep-ana",
    observedAt: now,
  },
};
const retracted: MarketEvent = {
  type: "MarketFeedbackRetracted",
  data: { feedbackId: "f-1", retractedAt: now, reason: "duplicate" },
};

describe("market feedback", () => {
  it("records feedback observed now by default", () => spec.given([]).when(record({})).then([recorded]));
  it("records a price signal with a figure and a competitor move with a competitor, observed earlier", () => {
    spec
      .given([])
      .when(
        record({
          kind: "price_signal",
          topic: "pricing",
          links: { dealId: "d-7", productId: "p-1" },
          competitor: "Acme",
          priceChangeBps: -1500,
          observedAt: "2026-07-09T10:00:00+08:00",
        }),
      )
      .then([
        {
          type: "MarketFeedbackRecorded",
          data: {
            feedbackId: "f-1",
            kind: "price_signal",
            topic: "pricing",
            links: { dealId: "d-7", productId: "p-1" },
            competitor: "Acme",
            priceChangeBps: -1500,
            note: "wants SAP sync",
            reportedBy: "rep-ana",
            observedAt: "2026-07-09T02:00:00.000Z",
          },
        },
      ]);
    spec
      .given([])
      .when(record({ kind: "price_signal", price: { amount: 99_00, currency: "USD" } }))
      .then([
        {
          type: "MarketFeedbackRecorded",
          data: { ...recorded.data, kind: "price_signal", price: { amount: 99_00, currency: "USD" } } as never,
        },
      ]);
  });
  it("feedback_link_required", () =>
    spec
      .given([])
      .when(record({ links: {} }))
      .then("feedback_link_required"));
  it("feedback_link_required: a link given as undefined counts as absent", () =>
    spec
      .given([])
      .when(record({ links: { customerId: undefined, dealId: undefined } }))
      .then("feedback_link_required"));
  it("leaves links given as undefined out of the event, which reads back through its own schema", () => {
    const command = marketFeedbackCommand.parse(record({ links: { customerId: undefined, dealId: "d-7" } }));
    const events = marketFeedbackDecider.decide(command, marketFeedbackDecider.initialState(), {
      now,
      actor: "test",
      newId: () => "id-1",
    }) as MarketEvent[];
    const [event] = events;
    if (event?.type !== "MarketFeedbackRecorded")
      throw new Error(`expected MarketFeedbackRecorded, got ${event?.type}`);
    expect(Object.keys(event.data.links)).toEqual(["dealId"]);
    const stored = JSON.parse(JSON.stringify(event.data));
    expect(MarketFeedbackRecorded.schema.safeParse(stored).success).toBe(true);
  });
  it("the event schema requires at least one defined link", () => {
    const data = { ...recorded.data, links: { customerId: undefined } };
    expect(MarketFeedbackRecorded.schema.safeParse(data).success).toBe(false);
    expect(MarketFeedbackRecorded.schema.safeParse({ ...recorded.data, links: {} }).success).toBe(false);
    expect(MarketFeedbackRecorded.schema.safeParse(recorded.data).success).toBe(true);
  });
  it("competitor_required", () =>
    spec
      .given([])
      .when(record({ kind: "competitor_move" }))
      .then("competitor_required"));
  it("price_signal_needs_figure", () =>
    spec
      .given([])
      .when(record({ kind: "price_signal" }))
      .then("price_signal_needs_figure"));
  it("observed_in_future", () =>
    spec
      .given([])
      .when(record({ observedAt: "2026-07-10T09:00:00.001Z" }))
      .then("observed_in_future"));
  it("feedback_already_recorded", () => spec.given([recorded]).when(record({})).then("feedback_already_recorded"));
  it("retracts recorded feedback", () =>
    spec
      .given([recorded])
      .when({ type: "RetractMarketFeedback", data: { reason: "duplicate" } })
      .then([retracted]));
  it("feedback_not_found", () =>
    spec
      .given([])
      .when({ type: "RetractMarketFeedback", data: { reason: "duplicate" } })
      .then("feedback_not_found"));
  it("feedback_already_retracted", () =>
    spec
      .given([recorded, retracted])
      .when({ type: "RetractMarketFeedback", data: { reason: "again" } })
      .then("feedback_already_retracted"));
});
