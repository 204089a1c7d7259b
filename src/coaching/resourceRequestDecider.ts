import type { Decider } from "../core/index.ts";
import type { ResourceRequestCommand } from "./commands.ts";
import type { ResourceRequestEvent } from "./events.ts";
import { requireCoachingRule } from "./rules.ts";

const D = "resourceRequest";

/**
 * The state of a resource request: `open` (asked), `accepted` (a helper took it), `resolved` or `withdrawn`.
 *
 * @example
 * ```ts
 * const s: ResourceRequestState = { status: "accepted", requestId: "r1", requesterId: "rep-bo", helperId: "rep-ana" };
 * ```
 */
export type ResourceRequestState =
  | { readonly status: "none" }
  | {
      readonly status: "open" | "accepted" | "resolved" | "withdrawn";
      readonly requestId: string;
      readonly requesterId: string;
      readonly helperId?: string;
    };

/**
 * The stream of a resource request.
 *
 * @param requestId - The request.
 * @returns `resource-request-<requestId>`.
 * @example
 * ```ts
 * resourceRequestStreamId("r1"); // "resource-request-r1"
 * ```
 */
export function resourceRequestStreamId(requestId: string): string {
  return `resource-request-${requestId}`;
}

/**
 * The decider of a resource request between reps (source article §2.2: help with a difficult customer): requested, accepted by
 * a teammate other than the requester, then resolved with an outcome; the requester may withdraw it while it is open
 * or accepted.
 *
 * @example
 * ```ts
 * const requests = createCommandHandler({ store, decider: resourceRequestDecider, commands: resourceRequestCommand });
 * await requests.handle(resourceRequestStreamId("r1"), { type: "AcceptResourceRequest", data: { helperId: "rep-ana" } });
 * ```
 */
export const resourceRequestDecider: Decider<ResourceRequestCommand, ResourceRequestEvent, ResourceRequestState> = {
  name: D,
  version: "1",
  initialState: () => ({ status: "none" }),
  evolve: (state, event) => {
    if (event.type === "ResourceRequested") {
      return { status: "open", requestId: event.data.requestId, requesterId: event.data.requesterId };
    }
    if (state.status === "none") return state;
    switch (event.type) {
      case "ResourceRequestAccepted":
        return { ...state, status: "accepted", helperId: event.data.helperId };
      case "ResourceRequestResolved":
        return { ...state, status: "resolved" };
      case "ResourceRequestWithdrawn":
        return { ...state, status: "withdrawn" };
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
  decide: (command, state, { now }) => {
    if (command.type === "RequestResource") {
      const d = command.data;
      requireCoachingRule(state.status === "none", "request_already_made", `${D}: ${d.requestId} exists`, {
        requestId: d.requestId,
      });
      const data = Object.fromEntries(Object.entries({ ...d, requestedAt: now }).filter(([, v]) => v !== undefined));
      return [{ type: "ResourceRequested", data: data as typeof d & { requestedAt: string } }];
    }
    requireCoachingRule(state.status !== "none", "request_not_found", `${D}: the request was never made`);
    const requestId = state.requestId;
    requireCoachingRule(
      state.status === "open" || state.status === "accepted",
      "request_closed",
      `${D}: ${requestId} is ${state.status}`,
      { requestId, status: state.status },
    );
    switch (command.type) {
      case "AcceptResourceRequest": {
        const { helperId } = command.data;
        requireCoachingRule(
          helperId !== state.requesterId,
          "helper_is_requester",
          `${D}: ${helperId} cannot help themselves`,
          { helperId },
        );
        requireCoachingRule(
          state.status === "open",
          "request_already_accepted",
          `${D}: ${requestId} was accepted by ${state.helperId}`,
          { helperId: state.helperId },
        );
        return [{ type: "ResourceRequestAccepted", data: { requestId, helperId, acceptedAt: now } }];
      }
      case "ResolveResourceRequest":
        requireCoachingRule(
          state.status === "accepted",
          "request_not_accepted",
          `${D}: nobody accepted ${requestId}; withdraw it instead`,
          { requestId },
        );
        return [{ type: "ResourceRequestResolved", data: { requestId, ...command.data, resolvedAt: now } }];
      case "WithdrawResourceRequest":
        return [{ type: "ResourceRequestWithdrawn", data: { requestId, ...command.data, withdrawnAt: now } }];
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
};
