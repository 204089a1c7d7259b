import { createEventCatalog, defineProjection, toEpochMilliseconds, toIsoInstant } from "../../core/index.ts";
import { InteractionLogged } from "../../customers/events.ts";

// Only types the handlers: the customers area owns InteractionLogged and its catalog.
const followUpEvents = /* @__PURE__ */ createEventCatalog([InteractionLogged]);

/**
 * An account's latest follow-up: when, by whom, which interaction, and whether it concerned a deal.
 *
 * @example
 * ```ts
 * const f: FollowUp = { at: "2026-07-02T10:00:00.000Z", repId: "rep-ana", interactionId: "i-1", dealId: undefined };
 * ```
 */
export interface FollowUp {
  readonly at: string;
  readonly repId: string;
  readonly interactionId: string;
  readonly dealId: string | undefined;
}

/**
 * The last follow-up per account, from `InteractionLogged` (any channel and outcome, deal-related or not): the input
 * of the pool sweep. The latest by `occurredAt` wins, whatever order interactions are logged in (ties: the later
 * logged).
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, lastFollowUps);
 * sweepPool(book, lastTouchByAccount(state), now);
 * ```
 */
export const lastFollowUps = /* @__PURE__ */ defineProjection({
  name: "assignments.lastFollowUps",
  events: followUpEvents,
  initialState: (): { readonly accounts: Readonly<Record<string, FollowUp>> } => ({ accounts: {} }),
  handlers: {
    InteractionLogged: (s, e) => {
      const d = e.data;
      const ms = toEpochMilliseconds(d.occurredAt, "lastFollowUps");
      const prev = s.accounts[d.customerId];
      // `prev.at` was written by `toIsoInstant`, so it parses on the fast path.
      if (prev !== undefined && toEpochMilliseconds(prev.at) > ms) return;
      const at = toIsoInstant(d.occurredAt);
      if (prev === undefined) {
        s.accounts[d.customerId] = { at, repId: d.repId, interactionId: d.interactionId, dealId: d.dealId };
        return;
      }
      // In place: the follow-up belongs to this state, and a new object per interaction would only be garbage.
      prev.at = at;
      prev.repId = d.repId;
      prev.interactionId = d.interactionId;
      prev.dealId = d.dealId;
    },
  },
});

/**
 * The state of {@link lastFollowUps}.
 *
 * @example
 * ```ts
 * const s: LastFollowUpsState = fold(lastFollowUps, interactions);
 * ```
 */
export type LastFollowUpsState = ReturnType<typeof lastFollowUps.initialState>;

/**
 * The last touch per account, the shape `sweepPool` and the `SweepPool` command take. To count deal activity the
 * interactions do not cover, merge your own instants in, keeping the later of the two per account.
 *
 * @param state - The state of {@link lastFollowUps}.
 * @returns ISO instants by account id.
 * @example
 * ```ts
 * await book.handle(accountBookStreamId("team-east"), { type: "SweepPool", data: { lastTouches: lastTouchByAccount(state) } });
 * ```
 */
export function lastTouchByAccount(state: LastFollowUpsState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, f] of Object.entries(state.accounts)) out[id] = f.at;
  return out;
}
