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
 * One topic's feedback in one period bucket, or overall: the count, the count by kind, and every item id, newest
 * first (by `observedAt`, ties by id).
 *
 * @example
 * ```ts
 * const t: TopicTally = { count: 1, byKind: { competitor_move: 0, price_signal: 1, customer_request: 0 }, ids: ["f-1"] };
 * ```
 */
export interface TopicTally {
  readonly count: number;
  readonly byKind: Readonly<KindCounts>;
  readonly ids: readonly string[];
}

/**
 * The state of a feedback-by-topic projection: live (not retracted) items by id, and per topic an overall tally and
 * one per period bucket.
 *
 * @example
 * ```ts
 * state.topics.pricing?.buckets["2026-07"]?.count; // 3
 * ```
 */
export interface FeedbackByTopicState {
  readonly items: Readonly<Record<string, FeedbackItem>>;
  readonly topics: Readonly<
    Record<string, { readonly total: TopicTally; readonly buckets: Readonly<Record<string, TopicTally>> }>
  >;
}

type Tally = { count: number; byKind: KindCounts; ids: string[] };
const tally = (): Tally => ({ count: 0, byKind: _zeroKinds(), ids: [] });

/**
 * Defines the market-feedback-by-topic projection for a calendar and period kind: per topic, counts (overall, by kind,
 * per period bucket of `observedAt`) and the items newest first. Retracted feedback leaves every count and list. Read
 * the latest items with {@link latestFeedback}.
 *
 * @param options - The calendar and period kind of the buckets.
 * @returns A projection named `market.feedbackByTopic:<kind>:<timeZone>`.
 * @example
 * ```ts
 * const byTopic = marketFeedbackByTopic({ calendar: defineCalendar({ timeZone: "Asia/Shanghai" }), kind: "month" });
 * const { state } = await rebuildProjection(store, byTopic);
 * state.topics.pricing?.buckets["2026-07"]?.count;
 * ```
 */
export function marketFeedbackByTopic(options: FeedbackBucketing): Projection<MarketEvent, FeedbackByTopicState> {
  const { calendar, kind } = options;
  return defineProjection({
    name: `market.feedbackByTopic:${kind}:${calendar.timeZone}`,
    events: marketEvents,
    initialState: (): FeedbackByTopicState => ({ items: {}, topics: {} }),
    handlers: {
      MarketFeedbackRecorded: (s, e) => {
        if (Object.hasOwn(s.items, e.data.feedbackId)) return;
        const item: FeedbackItem = { ...e.data, bucket: bucketKey(calendar, kind, e.data.observedAt) };
        s.items[item.feedbackId] = item;
        const topic = (s.topics[item.topic] ??= { total: tally(), buckets: {} });
        for (const t of [topic.total, (topic.buckets[item.bucket] ??= tally())]) {
          t.count += 1;
          t.byKind[item.kind] += 1;
          _insertNewestFirst(t.ids, s.items as Record<string, FeedbackItem>, item);
        }
      },
      MarketFeedbackRetracted: (s, e) => {
        const item = s.items[e.data.feedbackId];
        if (item === undefined) return;
        const topic = s.topics[item.topic]!;
        for (const t of [topic.total, topic.buckets[item.bucket]!]) {
          t.count -= 1;
          t.byKind[item.kind] -= 1;
          _remove(t.ids, item.feedbackId);
        }
        delete s.items[item.feedbackId];
      },
    },
  });
}

/**
 * The latest feedback items of a topic, overall or in one period bucket, newest first.
 *
 * @param state - The state of a {@link marketFeedbackByTopic} projection.
 * @param topic - The topic.
 * @param options - `bucket` (a period id such as `2026-07`) to look in one period; `limit` (default 5).
 * @returns Up to `limit` items.
 * @example
 * ```ts
 * latestFeedback(state, "pricing", { bucket: "2026-07", limit: 3 }).map((f) => f.note);
 * ```
 */
export function latestFeedback(
  state: FeedbackByTopicState,
  topic: string,
  options: { readonly bucket?: string; readonly limit?: number } = {},
): FeedbackItem[] {
  const t = state.topics[topic];
  const tallied = options.bucket === undefined ? t?.total : t?.buckets[options.bucket];
  return (tallied?.ids ?? []).slice(0, options.limit ?? 5).map((id) => state.items[id]!);
}
