// What the scenario did, recorded from its own inputs (the commands it sent and the instants its clock gave), so
// that the expected figures never come from the library's events or projections.

export type Owner = { kind: "company" } | { kind: "team"; teamId: string } | { kind: "rep"; repId: string };

export interface GoalModel {
  readonly goalId: string;
  readonly metric: "revenue" | "activity_count" | "deal_count" | "new_customers";
  readonly owner: Owner;
  readonly period: { readonly start: number; readonly end: number };
  target: number;
}

export interface CreditRow {
  readonly repId: string;
  readonly customerId: string;
  readonly revenue: boolean;
  readonly amount: number;
  readonly at: number;
  /** `deal:<id>` or `order:<id>`, also for the reversals of that sale. */
  readonly sourceKey: string;
  readonly reversal: boolean;
}

export interface InteractionRow {
  readonly interactionId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly channel: string;
  readonly outcome: string;
  readonly at: number;
  readonly seq: number;
}

export interface DealModel {
  readonly dealId: string;
  readonly customerId: string;
  /** The owner when the deal opened; `ownerId` follows reassignments. */
  readonly openedBy: string;
  ownerId: string;
  amount: number;
  stage: number;
  probabilityBps: number;
  category: string;
  closeDate: string;
  readonly openedOn: string;
  readonly openedAt: number;
  competitors: string[];
  status: "open" | "won" | "lost";
  closedOn?: string;
  closedAt?: number;
  reason?: string;
  lostTo?: string;
  readonly productIds: string[];
}

export interface OrderLineModel {
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly unitCost: number;
  readonly discountBps: number;
  readonly total: number;
  remainingQuantity: number;
  remainingAmount: number;
  /** Credits of the line, by rep (revenue) and overlay, for reversals. */
  revenue: { repId: string; shareBps: number; amount: number; held: number }[];
  overlay: { repId: string; shareBps: number; amount: number }[];
  reversed: number;
}

export interface AdjustmentModel {
  readonly kind: "refund" | "cancellation";
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly amount: number;
  readonly margin: number;
  readonly at: number;
}

export interface OrderModel {
  readonly orderId: string;
  readonly customerId: string;
  readonly dealId?: string;
  readonly orderedAt: number;
  readonly lines: OrderLineModel[];
  readonly credited: boolean;
  invoiced: boolean;
  readonly adjustments: AdjustmentModel[];
}

export interface TicketModel {
  readonly ticketId: string;
  readonly customerId: string;
  readonly priority: "low" | "normal" | "high" | "urgent";
  readonly openedAt: number;
  respondedAt?: number;
  resolutions: number[];
  reopened: number;
  status: "open" | "resolved";
}

export interface FeedbackModel {
  readonly feedbackId: string;
  readonly topic: string;
  readonly kind: string;
  readonly competitor?: string;
  readonly observedAt: number;
  retracted: boolean;
}

export interface TaskModel {
  readonly goalId: string;
  readonly taskId: string;
  readonly parentTaskId?: string;
  readonly weight: number;
  status: "open" | "in_progress" | "done" | "cancelled";
}

export interface Ledger {
  /** Each member's team over time (effective instants, ascending). */
  readonly teamOf: Record<string, { at: number; teamId: string | null }[]>;
  readonly goals: Record<string, GoalModel>;
  readonly credits: CreditRow[];
  readonly interactions: InteractionRow[];
  readonly deals: Record<string, DealModel>;
  readonly orders: Record<string, OrderModel>;
  /** Each account's holder over time (null: the pool), in instant order. */
  readonly owners: Record<string, { repId: string | null; at: number }[]>;
  readonly customers: Record<string, { segment: string; region: string; registeredAt: number }>;
  readonly csat: Record<string, number[]>;
  readonly nps: Record<string, number[]>;
  readonly tickets: Record<string, TicketModel>;
  readonly feedback: FeedbackModel[];
  readonly tasks: Record<string, TaskModel>;
  /** How many commands the scenario sent, and how many events they stored (counted from the handler results). */
  commands: number;
}

export function emptyLedger(): Ledger {
  return {
    teamOf: {},
    goals: {},
    credits: [],
    interactions: [],
    deals: {},
    orders: {},
    owners: {},
    customers: {},
    csat: {},
    nps: {},
    tickets: {},
    feedback: [],
    tasks: {},
    commands: 0,
  };
}

/** The holder of an account at an instant: the last change at or before it (later records win ties). */
export function ownerAt(
  ledger: Ledger,
  customerId: string,
  at: number,
): { repId: string | null; at: number } | undefined {
  let found: { repId: string | null; at: number } | undefined;
  for (const change of ledger.owners[customerId] ?? []) if (change.at <= at) found = change;
  return found;
}

/** A member's team at an instant. */
export function teamAt(ledger: Ledger, memberId: string, at: number): string | null {
  let team: string | null = null;
  for (const step of ledger.teamOf[memberId] ?? []) if (step.at <= at) team = step.teamId;
  return team;
}
