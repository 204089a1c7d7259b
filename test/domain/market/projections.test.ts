import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  competitorKey,
  type FeedbackKind,
  latestFeedback,
  type MarketEvent,
  marketEvents,
  marketFeedbackByCompetitor,
  marketFeedbackByTopic,
  marketFeedbackCommand,
  marketFeedbackDecider,
  marketFeedbackStreamId,
} from "../../../src/market/index.ts";
import {
  createCommandHandler,
  createInMemoryEventStore,
  defineCalendar,
  fixedClock,
  fold,
  rebuildProjection,
} from "../../../src/index.ts";
import { envelopes } from "./envelopes.ts";

const cal = defineCalendar({ timeZone: "Asia/Shanghai" });
const byTopic = marketFeedbackByTopic({ calendar: cal, kind: "month" });
const byCompetitor = marketFeedbackByCompetitor({ calendar: cal, kind: "month" });

const fb = (
  feedbackId: string,
  kind: FeedbackKind,
  topic: string,
  observedAt: string,
  competitor?: string,
): MarketEvent => ({
  type: "MarketFeedbackRecorded",
  data: {
    feedbackId,
    kind,
    topic,
    links: { customerId: "cu-1" },
    note: feedbackId,
    observedAt,
    reportedBy: "rep-ana",
    ...(competitor ? { competitor } : {}),
  },
});
const retract = (feedbackId: string): MarketEvent => ({
  type: "MarketFeedbackRetracted",
  data: { feedbackId, retractedAt: "2026-08-01T00:00:00.000Z", reason: "x" },
});

describe("market feedback by topic", () => {
  const events = [
    fb("f-1", "price_signal", "pricing", "2026-06-30T15:59:59.000Z", "Acme"), // 23:59:59 on 30 June in Shanghai
    fb("f-2", "price_signal", "pricing", "2026-06-30T16:00:00.000Z", "acme "), // midnight on 1 July there
    fb("f-3", "competitor_move", "pricing", "2026-07-20T00:00:00.000Z", "Globex"),
    fb("f-4", "customer_request", "integrations", "2026-07-02T00:00:00.000Z"),
    fb("f-5", "customer_request", "pricing", "2026-07-20T00:00:00.000Z"),
    retract("f-3"),
  ];
  const state = fold(byTopic, envelopes(events));

  it("counts per topic, kind and local month, leaving retracted feedback out", () => {
    const pricing = state.topics.pricing!;
    expect(pricing.total.count).toBe(3);
    expect(pricing.total.byKind).toEqual({ competitor_move: 0, price_signal: 2, customer_request: 1 });
    expect(Object.fromEntries(Object.entries(pricing.buckets).map(([k, t]) => [k, t.count]))).toEqual({
      "2026-06": 1,
      "2026-07": 2,
    });
    expect(pricing.buckets["2026-07"]!.byKind).toEqual({ competitor_move: 0, price_signal: 1, customer_request: 1 });
    expect(state.topics.integrations!.total.count).toBe(1);
  });

  it("lists the latest items newest first, overall or per bucket", () => {
    expect(latestFeedback(state, "pricing").map((f) => f.feedbackId)).toEqual(["f-5", "f-2", "f-1"]);
    expect(latestFeedback(state, "pricing", { bucket: "2026-07", limit: 1 }).map((f) => f.feedbackId)).toEqual(["f-5"]);
    expect(latestFeedback(state, "nothing")).toEqual([]);
  });

  it("agrees with direct counts over random feedback and retractions", () => {
    const arb = fc.array(
      fc.record({
        kind: fc.constantFrom<FeedbackKind>("competitor_move", "price_signal", "customer_request"),
        topic: fc.constantFrom("pricing", "support", "features"),
        day: fc.integer({ min: 0, max: 120 }),
        retracted: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (items) => {
        const at = (day: number) => new Date(Date.UTC(2026, 0, 1, 12) + day * 86_400_000).toISOString();
        const events = items.flatMap((it, i): MarketEvent[] => [
          fb(`f-${i}`, it.kind, it.topic, at(it.day), "Acme"),
          ...(it.retracted ? [retract(`f-${i}`)] : []),
        ]);
        const s = fold(byTopic, envelopes(events));
        const c = fold(byCompetitor, envelopes(events));
        const live = items
          .map((it, i) => ({ ...it, id: `f-${i}`, month: at(it.day).slice(0, 7) }))
          .filter((it) => !it.retracted);
        for (const topic of ["pricing", "support", "features"]) {
          const mine = live.filter((it) => it.topic === topic);
          expect(s.topics[topic]?.total.count ?? 0).toBe(mine.length);
          for (const month of new Set(mine.map((it) => it.month))) {
            expect(s.topics[topic]!.buckets[month]!.count).toBe(mine.filter((it) => it.month === month).length);
          }
          const newest = [...mine].sort((a, b) => b.day - a.day || (a.id < b.id ? -1 : 1)).map((it) => it.id);
          expect(latestFeedback(s, topic, { limit: 100 }).map((f) => f.feedbackId)).toEqual(newest);
        }
        expect(c.competitors.acme?.count ?? 0).toBe(live.length);
      }),
    );
  });
});

describe("market feedback by competitor", () => {
  it("groups names case- and space-insensitively, by kind, topic and bucket, and drops retracted feedback", () => {
    const state = fold(
      byCompetitor,
      envelopes([
        fb("f-1", "price_signal", "pricing", "2026-06-30T15:59:59.000Z", "Acme"),
        fb("f-2", "competitor_move", "launch", "2026-07-03T00:00:00.000Z", "  ACME "),
        fb("f-3", "competitor_move", "launch", "2026-07-04T00:00:00.000Z", "Globex"),
        fb("f-4", "customer_request", "pricing", "2026-07-05T00:00:00.000Z"),
        retract("f-3"),
      ]),
    );
    expect(competitorKey("  Acme   Corp ")).toBe("acme corp");
    expect(state.competitors.acme).toEqual({
      name: "Acme",
      count: 2,
      byKind: { competitor_move: 1, price_signal: 1, customer_request: 0 },
      byTopic: { pricing: 1, launch: 1 },
      buckets: { "2026-06": 1, "2026-07": 1 },
      ids: ["f-2", "f-1"],
    });
    expect(state.competitors.globex).toMatchObject({ count: 0, byTopic: {}, buckets: {}, ids: [] });
  });

  it("reads the stored log through the decider", async () => {
    const store = createInMemoryEventStore({ catalog: marketEvents });
    const handler = createCommandHandler({
      store,
      decider: marketFeedbackDecider,
      commands: marketFeedbackCommand,
      clock: fixedClock("2026-07-10T00:00:00.000Z"),
    });
    await handler.handle(marketFeedbackStreamId("f-1"), {
      type: "RecordMarketFeedback",
      data: {
        feedbackId: "f-1",
        kind: "competitor_move",
        topic: "launch",
        links: { dealId: "d-1" },
        competitor: "Acme",
        note: "new SMB tier",
        reportedBy: "rep-ana",
      },
    });
    const { state } = await rebuildProjection(store, byCompetitor);
    expect(state.competitors.acme?.buckets).toEqual({ "2026-07": 1 });
  });
});
