import { AccountOwnerAssigned, AccountReleasedToPool, AccountReturnedToPool } from "../../assignments/events.ts";
import {
  createEventCatalog,
  defineProjection,
  type Instant,
  toEpochMilliseconds,
  toIsoInstant,
} from "../../core/index.ts";

const ownershipEvents = /* @__PURE__ */ createEventCatalog([
  AccountOwnerAssigned,
  AccountReleasedToPool,
  AccountReturnedToPool,
]);

/**
 * One ownership change of an account: the owner (`null` while the account is in the public pool) from an instant
 * on, until the next change (half-open).
 *
 * @example
 * ```ts
 * const c: OwnershipChange = { repId: "rep-ana", effectiveFrom: "2026-01-01T00:00:00.000Z", effectiveFromMs: 1767225600000 };
 * ```
 */
export interface OwnershipChange {
  readonly repId: string | null;
  /** ISO UTC. */
  readonly effectiveFrom: string;
  readonly effectiveFromMs: number;
}

/**
 * The state of {@link saleOwnership}: each customer's ownership changes ordered by `effectiveFrom`.
 *
 * @example
 * ```ts
 * const s: SaleOwnershipState = { byCustomer: {} };
 * ```
 */
export interface SaleOwnershipState {
  readonly byCustomer: Record<string, OwnershipChange[]>;
}

/**
 * Effective-dated account ownership, read from the assignments area's `AccountOwnerAssigned`,
 * `AccountReleasedToPool` and `AccountReturnedToPool` events, to build credit commands: {@link ownerFactAt} answers
 * "who owned customer X at instant T" in the shape `AssignDealCredit`/`AssignOrderCredit` take. Back-dated changes
 * are inserted in order; a later event with the same `effectiveFrom` replaces the earlier one (a correction).
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, saleOwnership);
 * const owner = ownerFactAt(state, "cu-1", "2026-08-14T08:00:00Z"); // { repId: "rep-ana", effectiveFrom: "…" }
 * ```
 */
export const saleOwnership = /* @__PURE__ */ defineProjection({
  name: "credit.saleOwnership",
  events: ownershipEvents,
  initialState: (): SaleOwnershipState => ({ byCustomer: {} }),
  handlers: {
    AccountOwnerAssigned: (s, e) => insert(s, e.data.customerId, e.data.repId, e.data.effectiveFrom),
    AccountReleasedToPool: (s, e) => insert(s, e.data.customerId, null, e.data.effectiveFrom),
    AccountReturnedToPool: (s, e) => insert(s, e.data.customerId, null, e.data.effectiveFrom),
  },
});

function insert(s: SaleOwnershipState, customerId: string, repId: string | null, effectiveFrom: string): void {
  const ms = toEpochMilliseconds(effectiveFrom);
  // Never changed once listed: frozen now, while it is at hand, rather than found again by the final freeze.
  const entry: OwnershipChange = Object.freeze({
    repId,
    effectiveFrom: toIsoInstant(effectiveFrom),
    effectiveFromMs: ms,
  });
  const list = (s.byCustomer[customerId] ??= []);
  let i = list.length;
  while (i > 0 && list[i - 1]!.effectiveFromMs > ms) i--;
  if (i > 0 && list[i - 1]!.effectiveFromMs === ms) list[i - 1] = entry;
  else list.splice(i, 0, entry);
}

/**
 * The owner of a customer at an instant, as the `owner` fact of a credit command: the latest change at or before
 * the instant.
 *
 * @param state - The state of {@link saleOwnership}.
 * @param customerId - The customer.
 * @param at - The instant of the sale (a deal's `closedAt`, an order's `orderedAt`).
 * @returns `{ repId, effectiveFrom }`, or `undefined` when the account had no owner then (never assigned, or in the
 * pool).
 * @throws {@link ValidationError} when `at` is not an instant.
 * @example
 * ```ts
 * const owner = ownerFactAt(state, won.customerId, won.closedAt);
 * if (owner) await credits.handle(creditStreamId({ kind: "deal", id: won.dealId }), { type: "AssignDealCredit", data: { dealId: won.dealId, customerId: won.customerId, amount: won.amount, closedAt: won.closedAt, owner } });
 * ```
 */
export function ownerFactAt(
  state: SaleOwnershipState,
  customerId: string,
  at: Instant,
): { readonly repId: string; readonly effectiveFrom: string } | undefined {
  const ms = toEpochMilliseconds(at, "ownerFactAt");
  const list = state.byCustomer[customerId] ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.effectiveFromMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  const change = lo === 0 ? undefined : list[lo - 1]!;
  return change?.repId == null ? undefined : { repId: change.repId, effectiveFrom: change.effectiveFrom };
}
