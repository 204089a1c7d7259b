// The market area: structured market feedback (competitor moves, price signals, customer requests) and its read
// models by topic and by competitor.
export { type MarketFeedbackCommand, marketFeedbackCommand } from "./commands.ts";
export {
  type FeedbackKind,
  type FeedbackLinks,
  feedbackKindSchema,
  feedbackLinksSchema,
  MarketFeedbackRecorded,
  MarketFeedbackRetracted,
  type MarketEvent,
  marketEvents,
  topicSchema,
} from "./events.ts";
export { type MarketFeedbackState, marketFeedbackDecider, marketFeedbackStreamId } from "./feedbackDecider.ts";
export {
  type CompetitorTally,
  competitorKey,
  type FeedbackByCompetitorState,
  marketFeedbackByCompetitor,
} from "./projections/feedbackByCompetitor.ts";
export {
  type FeedbackByTopicState,
  latestFeedback,
  marketFeedbackByTopic,
  type TopicTally,
} from "./projections/feedbackByTopic.ts";
export type { FeedbackBucketing, FeedbackItem, KindCounts } from "./projections/feedbackItem.ts";
export { type MarketRule, marketRules } from "./rules.ts";
