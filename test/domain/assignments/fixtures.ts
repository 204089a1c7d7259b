// Event builders for the account book specs.
import type { AccountBookEvent, PoolPolicy, RoutingRule } from "../../../src/assignments/index.ts";

export const NOW = "2026-07-10T09:00:00.000Z";

export const enrolled = (repId: string, maxAccounts: number | null = null): AccountBookEvent => ({
  type: "RepEnrolled",
  data: { repId, maxAccounts },
});
export const registered = (customerId: string, attributes: Record<string, string> = {}): AccountBookEvent => ({
  type: "AccountRegistered",
  data: { customerId, attributes },
});
export const assigned = (
  customerId: string,
  repId: string,
  effectiveFrom = "2026-07-01T00:00:00.000Z",
  reason?: string,
): AccountBookEvent => ({
  type: "AccountOwnerAssigned",
  data: reason === undefined ? { customerId, repId, effectiveFrom } : { customerId, repId, effectiveFrom, reason },
});
export const released = (
  customerId: string,
  fromRepId: string | undefined,
  effectiveFrom = "2026-07-02T00:00:00.000Z",
): AccountBookEvent => ({
  type: "AccountReleasedToPool",
  data:
    fromRepId === undefined
      ? { customerId, effectiveFrom, reason: "released" }
      : { customerId, fromRepId, effectiveFrom, reason: "released" },
});
export const rules = (list: RoutingRule[], overflowToPool = false): AccountBookEvent => ({
  type: "RoutingRulesConfigured",
  data: { rules: list, overflowToPool },
});
export const POLICY: PoolPolicy = {
  timeZone: "Asia/Shanghai",
  claimsPerDay: 2,
  maxHoldings: 3,
  returnAfterDays: 30,
  reclaimCooldownDays: 7,
};
export const policy = (p: Partial<PoolPolicy> = {}): AccountBookEvent => ({
  type: "PoolPolicySet",
  data: { ...POLICY, ...p },
});
export const routed = (
  customerId: string,
  repId: string,
  ruleId: string,
  strategy: RoutingRule["strategy"],
): AccountBookEvent[] => [
  { type: "AccountRouted", data: { customerId, repId, ruleId, strategy } },
  {
    type: "AccountOwnerAssigned",
    data: { customerId, repId, effectiveFrom: NOW, reason: `routed by rule ${ruleId} (${strategy})` },
  },
];

/** Wraps events as stored envelopes, in order, for folding projections. */
export function envelopes<E extends { type: string; data: unknown }>(events: readonly E[], actor = "user:lee"): never {
  return events.map((e, i) => ({
    ...e,
    eventId: `e-${i + 1}`,
    streamId: "s",
    streamVersion: i + 1,
    globalPosition: i + 1,
    occurredAt: "2026-07-01T00:00:00.000Z",
    recordedAt: new Date(Date.UTC(2026, 6, 1) + i * 1000).toISOString(),
    tenantId: "default",
    metadata: { schemaVersion: 1, actor },
  })) as never;
}
