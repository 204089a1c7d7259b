// Builders for goal progress tests: events as envelopes, goals, credits and interactions.
import {
  type GoalEvent,
  type GoalMetric,
  type GoalOwner,
  type GoalProgressState,
  type GoalTarget,
  goalProgress,
} from "../../../src/goals/index.ts";
import { type EventEnvelope, fold } from "../../../src/index.ts";
import type { TeamEvent } from "../../../src/team/index.ts";

export const calendar = { timeZone: "Asia/Shanghai" } as const;
export const usd = (amount: number) => ({ amount, currency: "USD" });

export type AnyProgressEvent =
  | GoalEvent
  | TeamEvent
  | { type: "SalesCreditAssigned"; data: Record<string, unknown> }
  | { type: "InteractionLogged"; data: Record<string, unknown> };

export function progressOf(events: readonly AnyProgressEvent[]): GoalProgressState {
  const envelopes = events.map((e, i) => ({ ...e, globalPosition: i + 1 })) as unknown as EventEnvelope<never>[];
  return fold(goalProgress, envelopes);
}

export function goal(
  goalId: string,
  owner: GoalOwner,
  metric: GoalMetric,
  target: GoalTarget,
  periodId = "2026-Q3",
): GoalEvent {
  return {
    type: "GoalSet",
    data: {
      goalId,
      metric,
      target,
      period: { periodId, calendar },
      owner,
      description: `goal ${goalId}`,
      measure: "credits",
      at: "2026-06-20T00:00:00.000Z",
    },
  } as GoalEvent;
}

let creditCount = 0;
export function credit(options: {
  repId: string;
  customerId?: string;
  deal: string;
  amount: number;
  at: string;
  currency?: string;
  splitType?: "revenue" | "overlay";
  margin?: number;
  units?: number;
  creditId?: string;
  reverses?: string;
}): AnyProgressEvent {
  const currency = options.currency ?? "USD";
  return {
    type: "SalesCreditAssigned",
    data: {
      creditId: options.creditId ?? `c-${++creditCount}`,
      repId: options.repId,
      customerId: options.customerId ?? `cu-${options.deal}`,
      source: options.reverses ? { kind: "refund", id: `r-${options.deal}` } : { kind: "deal", id: options.deal },
      splitType: options.splitType ?? "revenue",
      shareBps: 10_000,
      amount: { amount: options.amount, currency },
      ...(options.margin === undefined ? {} : { margin: { amount: options.margin, currency } }),
      ...(options.units === undefined ? {} : { units: options.units }),
      creditedAt: options.at,
      ...(options.reverses ? { reversesCreditId: options.reverses } : {}),
    },
  };
}

let interactionCount = 0;
export function interaction(repId: string, at: string): AnyProgressEvent {
  return {
    type: "InteractionLogged",
    data: {
      interactionId: `i-${++interactionCount}`,
      customerId: "cu-x",
      repId,
      channel: "call",
      occurredAt: at,
      outcome: "positive",
    },
  };
}

export const teamCreated = (teamId: string, parentTeamId?: string): TeamEvent => ({
  type: "TeamCreated",
  data: {
    teamId,
    name: teamId,
    ...(parentTeamId ? { parentTeamId } : {}),
    effectiveFrom: "2026-01-01T00:00:00+08:00",
  },
});

export const joined = (
  memberId: string,
  teamId: string | null,
  effectiveFrom = "2026-01-01T00:00:00+08:00",
): TeamEvent => ({
  type: "TeamMembershipChanged",
  data: { memberId, teamId, effectiveFrom },
});
