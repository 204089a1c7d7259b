import { bucketKey, defineProjection, type Projection } from "../../core/index.ts";
import { type MarketEvent, marketEvents } from "../events.ts";
import {
  _insertNewestFirst,
  _remove,
  _zeroKinds,
  type FeedbackBucketing,
  type FeedbackItem,
  type KindCounts,
} from "./feedbackItem.ts";

/**
 * One competitor's feedback: the name as first reported, counts overall, by kind, by topic and per period bucket,
 * and every item id newest first (so `ids[0]` is the latest sighting).
 *
 * @example
 * ```ts
 * const c: CompetitorTally = { name: "Acme", count: 1, byKind: { competitor_move: 1, price_signal: 0, customer_request: 0 }, byTopic: { pricing: 1 }, buckets: { "2026-07": 1 }, ids: ["f-1"] };
 * ```
 */
export interface CompetitorTally {
  readonly name: string;
  readonly count: number;
  readonly byKind: Readonly<KindCounts>;
  readonly byTopic: Readonly<Record<string, number>>;
  readonly buckets: Readonly<Record<string, number>>;
  readonly ids: readonly string[];
}

/**
 * The state of a feedback-by-competitor projection: live items that name a competitor, and a tally per competitor
 * key (the name trimmed and lower-cased, so "Acme " and "acme" are one competitor).
 *
 * @example
 * ```ts
 * state.competitors.acme?.byTopic.pricing; // 2
 * ```
 */
export interface FeedbackByCompetitorState {
  readonly items: Readonly<Record<string, FeedbackItem>>;
  readonly competitors: Readonly<Record<string, CompetitorTally>>;
}

/**
 * The key a competitor's name is grouped under: trimmed, inner spaces collapsed, lower-cased.
 *
 * @param name - The name as reported.
 * @returns The key.
 * @example
 * ```ts
 * competitorKey("  Acme   Corp "); // "acme corp"
 * ```
 */
export function competitorKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

const bump = (record: Record<string, number>, key: string, by: number) => {
  const next = (record[key] ?? 0) + by;
  if (next === 0) delete record[key];
  else record[key] = next;
};

/**
 * Defines the market-feedback-by-competitor projection for a calendar and period kind: for every feedback that names a
 * competitor (any kind), counts by kind, topic and period bucket of `observedAt`. Retracted feedback leaves it.
 *
 * @param options - The calendar and period kind of the buckets.
 * @returns A projection named `market.feedbackByCompetitor:<kind>:<timeZone>`.
 * @example
 * ```ts
 * const byCompetitor = marketFeedbackByCompetitor({ calendar: defineCalendar({ timeZone: "UTC" }), kind: "quarter" });
 * fold(byCompetitor, events).competitors.acme?.buckets["2026-Q3"]; // 4
 * ```
 */
export function marketFeedbackByCompetitor(
  options: FeedbackBucketing,
): Projection<MarketEvent, FeedbackByCompetitorState> {
  const { calendar, kind } = options;
  return defineProjection({
    name: `market.feedbackByCompetitor:${kind}:${calendar.timeZone}`,
    events: marketEvents,
    initialState: (): FeedbackByCompetitorState => ({ items: {}, competitors: {} }),
    handlers: {
      MarketFeedbackRecorded: (s, e) => {
        const name = e.data.competitor;
        if (name === undefined || Object.hasOwn(s.items, e.data.feedbackId)) return;
        const item: FeedbackItem = { ...e.data, bucket: bucketKey(calendar, kind, e.data.observedAt) };
        s.items[item.feedbackId] = item;
        const c = (s.competitors[competitorKey(name)] ??= {
          name: name.trim(),
          count: 0,
          byKind: _zeroKinds(),
          byTopic: {},
          buckets: {},
          ids: [],
        });
        c.count += 1;
        c.byKind[item.kind] += 1;
        bump(c.byTopic, item.topic, 1);
        bump(c.buckets, item.bucket, 1);
        _insertNewestFirst(c.ids, s.items as Record<string, FeedbackItem>, item);
      },
      MarketFeedbackRetracted: (s, e) => {
        const item = s.items[e.data.feedbackId];
        if (item === undefined) return;
        const c = s.competitors[competitorKey(item.competitor!)]!;
        c.count -= 1;
        c.byKind[item.kind] -= 1;
        bump(c.byTopic, item.topic, -1);
        bump(c.buckets, item.bucket, -1);
        _remove(c.ids, item.feedbackId);
        delete s.items[item.feedbackId];
      },
    },
  });
}
