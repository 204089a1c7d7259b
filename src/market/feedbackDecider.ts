import { type Decider, toEpochMilliseconds, toIsoInstant } from "../core/index.ts";
import type { MarketFeedbackCommand } from "./commands.ts";
import type { MarketEvent } from "./events.ts";
import { requireMarketRule } from "./rules.ts";

/**
 * The state of a piece of feedback: not yet recorded, recorded, or retracted.
 *
 * @example
 * ```ts
 * const s: MarketFeedbackState = { status: "recorded", feedbackId: "f-1" };
 * ```
 */
export type MarketFeedbackState =
  | { readonly status: "none" }
  | { readonly status: "recorded" | "retracted"; readonly feedbackId: string };

/**
 * The stream of a piece of market feedback.
 *
 * @param feedbackId - The feedback.
 * @returns `market-feedback-<feedbackId>`.
 * @example
 * ```ts
 * marketFeedbackStreamId("f-1"); // "market-feedback-f-1"
 * ```
 */
export function marketFeedbackStreamId(feedbackId: string): string {
  return `market-feedback-${feedbackId}`;
}

/**
 * The decider of a piece of market feedback (one stream each). Recording checks that the feedback is linked to a
 * customer, deal or product (a link given as `undefined` counts as absent and is left out of the event), names the
 * competitor of a competitor move, gives a price signal a figure, and was not observed after the decision;
 * `observedAt` defaults to the decision's instant.
 *
 * @example
 * ```ts
 * const feedback = createCommandHandler({ store, decider: marketFeedbackDecider, commands: marketFeedbackCommand });
 * await feedback.handle(marketFeedbackStreamId("f-1"), { type: "RecordMarketFeedback", data: { feedbackId: "f-1", kind: "customer_request", topic: "integrations", links: { customerId: "cu-1" }, note: "wants SAP sync", reportedBy: "rep-ana" } });
 * ```
 */
export const marketFeedbackDecider: Decider<MarketFeedbackCommand, MarketEvent, MarketFeedbackState> = {
  name: "marketFeedback",
  version: "1",
  initialState: () => ({ status: "none" }),
  evolve: (state, event) => {
    switch (event.type) {
      case "MarketFeedbackRecorded":
        return { status: "recorded", feedbackId: event.data.feedbackId };
      case "MarketFeedbackRetracted":
        return { status: "retracted", feedbackId: event.data.feedbackId };
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
  decide: (command, state, { now }) => {
    if (command.type === "RetractMarketFeedback") {
      requireMarketRule(state.status !== "none", "feedback_not_found", "marketFeedback: nothing recorded to retract");
      requireMarketRule(
        state.status !== "retracted",
        "feedback_already_retracted",
        `marketFeedback: ${state.feedbackId} is already retracted`,
        { feedbackId: state.feedbackId },
      );
      const data = { feedbackId: state.feedbackId, retractedAt: now, reason: command.data.reason };
      return [{ type: "MarketFeedbackRetracted", data }];
    }
    const d = command.data;
    requireMarketRule(
      state.status === "none",
      "feedback_already_recorded",
      `marketFeedback: ${state.status === "none" ? "" : state.feedbackId} is already recorded`,
      { feedbackId: d.feedbackId },
    );
    const links = Object.fromEntries(Object.entries(d.links).filter(([, v]) => v !== undefined));
    requireMarketRule(
      Object.keys(links).length > 0,
      "feedback_link_required",
      "marketFeedback: link the feedback to a customer, a deal or a product",
      { feedbackId: d.feedbackId },
    );
    requireMarketRule(
      d.kind !== "competitor_move" || d.competitor !== undefined,
      "competitor_required",
      "marketFeedback: a competitor move names the competitor",
      { feedbackId: d.feedbackId },
    );
    requireMarketRule(
      d.kind !== "price_signal" || d.price !== undefined || d.priceChangeBps !== undefined,
      "price_signal_needs_figure",
      "marketFeedback: a price signal gives an observed price or a change in basis points",
      { feedbackId: d.feedbackId },
    );
    const observedAt = toIsoInstant(d.observedAt ?? now);
    requireMarketRule(
      toEpochMilliseconds(observedAt, "marketFeedback") <= toEpochMilliseconds(now, "marketFeedback"),
      "observed_in_future",
      `marketFeedback: observed at ${observedAt}, after ${now}`,
      { feedbackId: d.feedbackId, observedAt, now },
    );
    const defined = Object.fromEntries(Object.entries({ ...d, links, observedAt }).filter(([, v]) => v !== undefined));
    return [{ type: "MarketFeedbackRecorded", data: defined as typeof d & { observedAt: string } }];
  },
};
