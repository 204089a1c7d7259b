import { defineProjection, toEpochMilliseconds } from "../../core/index.ts";
import { assignmentsEvents } from "../events.ts";
import type { Criteria } from "../schemas.ts";
import { timelineEntryAt, insertEntry, type TimelineEntry } from "../timeline.ts";

/**
 * A territory in the read model: its definition, when it was retired, and its effective-dated owners with reasons.
 *
 * @example
 * ```ts
 * const t: TerritoryView = { name: "East", criteria: { regions: ["east"] }, priority: 10, retiredFrom: undefined, owners: [] };
 * ```
 */
export interface TerritoryView {
  readonly name: string;
  readonly criteria: Criteria;
  readonly priority: number;
  readonly retiredFrom: string | undefined;
  readonly owners: readonly (TimelineEntry<string> & { readonly reason: string | undefined })[];
}

/**
 * Territories and their effective-dated owners, across books. Ask it with {@link territoryOwnerAt}.
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, territoryOwnership);
 * territoryOwnerAt(state, "east", "2026-07-15T00:00:00Z"); // "rep-ana"
 * ```
 */
export const territoryOwnership = /* @__PURE__ */ defineProjection({
  name: "assignments.territoryOwnership",
  events: assignmentsEvents,
  initialState: (): { readonly territories: Readonly<Record<string, TerritoryView>> } => ({ territories: {} }),
  handlers: {
    TerritoryDefined: (s, e) => {
      const { territoryId, name, criteria, priority } = e.data;
      s.territories[territoryId] = { name, criteria, priority, retiredFrom: undefined, owners: [] };
    },
    TerritoryOwnerAssigned: (s, e) => {
      const t = s.territories[e.data.territoryId];
      if (t === undefined) return;
      const at = toEpochMilliseconds(e.data.effectiveFrom, "territoryOwnership");
      const entry = {
        holder: e.data.repId,
        effectiveFrom: new Date(at).toISOString(),
        at,
        seq: e.globalPosition,
        reason: e.data.reason,
      };
      t.owners = insertEntry(t.owners, entry);
    },
    TerritoryRetired: (s, e) => {
      const t = s.territories[e.data.territoryId];
      if (t !== undefined) t.retiredFrom = e.data.effectiveFrom;
    },
  },
});

/**
 * The state of {@link territoryOwnership}.
 *
 * @example
 * ```ts
 * const s: TerritoryOwnershipState = fold(territoryOwnership, events);
 * ```
 */
export type TerritoryOwnershipState = ReturnType<typeof territoryOwnership.initialState>;

/**
 * Who owned a territory at an instant.
 *
 * @param state - The state of {@link territoryOwnership}.
 * @param territoryId - The territory.
 * @param instant - An ISO instant or epoch milliseconds.
 * @returns The rep, or `undefined` before its first owner (retirement does not erase ownership).
 * @example
 * ```ts
 * territoryOwnerAt(state, "east", "2026-07-15T00:00:00Z"); // "rep-ana"
 * ```
 */
export function territoryOwnerAt(
  state: TerritoryOwnershipState,
  territoryId: string,
  instant: string | number,
): string | undefined {
  return timelineEntryAt(state.territories[territoryId]?.owners ?? [], instant)?.holder;
}
