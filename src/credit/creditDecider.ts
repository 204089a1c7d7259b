import {
  allocate,
  type Decider,
  type DecisionContext,
  money,
  toEpochMilliseconds,
  toIsoInstant,
} from "../core/index.ts";
import type { CreditCommand } from "./commands.ts";
import type { CreditEvent } from "./events.ts";
import { requireCreditRule, requireValidSplits } from "./rules.ts";
import { overlayPart, revenueParts, reversalParts } from "./splitMath.ts";

/**
 * One credit of a line, and how much of it is still held after reversals (minor units, non-negative magnitude).
 *
 * @example
 * ```ts
 * const c: HeldCredit = { creditId: "c-1", repId: "rep-ana", shareBps: 6000, amount: 600, held: 600 };
 * ```
 */
export interface HeldCredit {
  readonly creditId: string;
  readonly repId: string;
  readonly shareBps: number;
  readonly amount: number;
  readonly held: number;
}

/**
 * A credited line (an order line, or the whole deal under the key `*`): its amount, how much has been reversed so
 * far, and its revenue and overlay credits.
 *
 * @example
 * ```ts
 * const line: CreditedLine = { productId: "erp", amount: 1000, reversed: 0, revenue: [], overlay: [] };
 * ```
 */
export interface CreditedLine {
  readonly productId: string | undefined;
  readonly amount: number;
  readonly reversed: number;
  readonly revenue: readonly HeldCredit[];
  readonly overlay: readonly HeldCredit[];
}

/**
 * What the credit decider remembers for one credited deal or order.
 *
 * @example
 * ```ts
 * const s: CreditState = { status: "none" };
 * ```
 */
export type CreditState =
  | { readonly status: "none" }
  | {
      readonly status: "assigned";
      readonly source: { readonly kind: "deal" | "order"; readonly id: string };
      readonly customerId: string;
      readonly currency: string;
      readonly lines: Readonly<Record<string, CreditedLine>>;
      readonly adjustmentIds: readonly string[];
    };

type Assigned = Extract<CreditState, { status: "assigned" }>;

/** The line key of a deal's credits, which have no line. */
const DEAL_LINE = "*";

/**
 * The stream id of the credits of a deal or an order.
 *
 * @param source - The credited deal or order.
 * @returns `credit-deal-<id>` or `credit-order-<id>`.
 * @example
 * ```ts
 * creditStreamId({ kind: "order", id: "o-1" }); // "credit-order-o-1"
 * ```
 */
export function creditStreamId(source: { readonly kind: "deal" | "order"; readonly id: string }): string {
  return `credit-${source.kind}-${source.id}`;
}

function evolve(state: CreditState, event: CreditEvent): CreditState {
  const d = event.data;
  const kind = d.source.kind === "deal" || d.source.kind === "order" ? d.source.kind : undefined;
  const lineKey = d.source.lineId ?? DEAL_LINE;
  let s: Assigned;
  if (state.status === "none") {
    if (kind === undefined) return state;
    s = {
      status: "assigned",
      source: { kind, id: d.source.id },
      customerId: d.customerId,
      currency: d.amount.currency,
      lines: {},
      adjustmentIds: [],
    };
  } else s = state;
  const line: CreditedLine = s.lines[lineKey] ?? {
    productId: d.productId,
    amount: 0,
    reversed: 0,
    revenue: [],
    overlay: [],
  };
  const list = d.splitType === "revenue" ? "revenue" : "overlay";
  let next: CreditedLine;
  if (d.reversesCreditId === undefined) {
    const credit: HeldCredit = {
      creditId: d.creditId,
      repId: d.repId,
      shareBps: d.shareBps,
      amount: d.amount.amount,
      held: d.amount.amount,
    };
    next = {
      ...line,
      amount: line.amount + (list === "revenue" ? d.amount.amount : 0),
      [list]: [...line[list], credit],
    };
  } else {
    next = {
      ...line,
      reversed: line.reversed + (list === "revenue" ? -d.amount.amount : 0),
      [list]: line[list].map((c) => (c.creditId === d.reversesCreditId ? { ...c, held: c.held + d.amount.amount } : c)),
    };
  }
  const adjustmentIds =
    d.adjustmentId === undefined || s.adjustmentIds.includes(d.adjustmentId)
      ? s.adjustmentIds
      : [...s.adjustmentIds, d.adjustmentId];
  return { ...s, lines: { ...s.lines, [lineKey]: next }, adjustmentIds };
}

type Assign = Extract<CreditCommand, { type: "AssignDealCredit" | "AssignOrderCredit" }>;

function assign(command: Assign, state: CreditState, context: DecisionContext): CreditEvent[] {
  const d = command.data;
  const source =
    command.type === "AssignDealCredit"
      ? { kind: "deal" as const, id: command.data.dealId }
      : { kind: "order" as const, id: command.data.orderId };
  requireCreditRule(
    state.status === "none",
    "credit_already_assigned",
    `credit: ${source.kind} ${source.id} is already credited`,
    { source },
  );
  const at = toIsoInstant(command.type === "AssignDealCredit" ? command.data.closedAt : command.data.orderedAt);
  requireCreditRule(
    toEpochMilliseconds(d.owner.effectiveFrom) <= toEpochMilliseconds(at),
    "owner_effective_at_sale",
    `credit: the ownership of ${d.owner.repId} takes effect at ${d.owner.effectiveFrom}, after the sale at ${at}`,
    { owner: d.owner, at },
  );
  const revenue = d.revenueSplits ?? [{ repId: d.owner.repId, shareBps: 10_000 }];
  const overlay = d.overlaySplits ?? [];
  requireValidSplits(d.owner.repId, revenue, overlay);
  const lines =
    command.type === "AssignDealCredit"
      ? [
          {
            lineId: undefined,
            productId: command.data.productId,
            amount: command.data.amount,
            margin: command.data.margin,
            units: undefined,
          },
        ]
      : command.data.lines;
  const currency = lines[0]!.amount.currency;
  const lineIds = lines.map((l) => l.lineId);
  requireCreditRule(
    new Set(lineIds).size === lineIds.length,
    "credit_line_not_found",
    "credit: order line ids must be distinct",
    { lineIds },
  );
  const out: CreditEvent[] = [];
  for (const line of lines) {
    requireCreditRule(
      line.amount.currency === currency && (line.margin === undefined || line.margin.currency === currency),
      "credit_single_currency",
      `credit: ${source.kind} ${source.id} mixes ${currency} and ${line.amount.currency}`,
      { currency },
    );
    requireCreditRule(
      line.amount.amount >= 0,
      "credit_amount_not_negative",
      `credit: a credited amount is zero or more, got ${line.amount.amount}`,
      {
        amount: line.amount,
      },
    );
    const shares = revenue.map((s) => s.shareBps);
    const parts = revenueParts(line.amount, shares);
    const margins = line.margin === undefined ? undefined : allocate(line.margin, shares);
    // Units are split like money (largest remainder, exact total); XXX is ISO 4217's "no currency".
    const units = line.units === undefined ? undefined : allocate(money(line.units, "XXX"), shares);
    const common = {
      customerId: d.customerId,
      source: line.lineId === undefined ? source : { ...source, lineId: line.lineId },
      ...(line.productId === undefined ? {} : { productId: line.productId }),
      creditedAt: at,
    };
    revenue.forEach((split, i) => {
      out.push({
        type: "SalesCreditAssigned",
        data: {
          creditId: context.newId(),
          repId: split.repId,
          ...common,
          splitType: "revenue",
          shareBps: split.shareBps,
          amount: parts[i]!,
          ...(margins === undefined ? {} : { margin: margins[i]! }),
          ...(units === undefined ? {} : { units: units[i]!.amount }),
        },
      });
    });
    for (const split of overlay) {
      out.push({
        type: "SalesCreditAssigned",
        data: {
          creditId: context.newId(),
          repId: split.repId,
          ...common,
          splitType: "overlay",
          shareBps: split.shareBps,
          amount: overlayPart(line.amount, split.shareBps),
        },
      });
    }
  }
  return out;
}

function reverse(
  command: Extract<CreditCommand, { type: "ReverseCredit" }>,
  state: CreditState,
  context: DecisionContext,
): CreditEvent[] {
  const d = command.data;
  requireCreditRule(
    state.status === "assigned",
    "credit_not_assigned",
    `credit: ${d.source.kind} ${d.source.id} has no credits to reverse`,
    { source: d.source },
  );
  const s = state as Assigned;
  requireCreditRule(
    s.source.kind === d.source.kind && s.source.id === d.source.id,
    "credit_source_matches",
    `credit: the command names ${d.source.kind} ${d.source.id} but the stream holds ${s.source.kind} ${s.source.id}`,
    { expected: s.source, got: d.source },
  );
  requireCreditRule(
    !s.adjustmentIds.includes(d.adjustmentId),
    "reversal_once",
    `credit: adjustment ${d.adjustmentId} is already reversed`,
    {
      adjustmentId: d.adjustmentId,
    },
  );
  const lineKey = s.source.kind === "deal" ? (d.lineId === undefined ? DEAL_LINE : undefined) : d.lineId;
  const line = lineKey === undefined ? undefined : s.lines[lineKey];
  requireCreditRule(
    line !== undefined,
    "credit_line_not_found",
    `credit: no credited line ${d.lineId ?? "(none)"} on ${s.source.kind} ${s.source.id}`,
    {
      lineId: d.lineId,
    },
  );
  requireCreditRule(
    d.amount.amount < 0 &&
      d.amount.currency === s.currency &&
      (d.margin === undefined || d.margin.currency === s.currency),
    "reversal_negative",
    `credit: a reversal is a negative amount in ${s.currency}`,
    { amount: d.amount },
  );
  const remaining = line.amount - line.reversed;
  requireCreditRule(
    -d.amount.amount <= remaining,
    "reversal_within_credited",
    `credit: reversing ${-d.amount.amount} exceeds the ${remaining} still credited`,
    {
      remaining,
      amount: d.amount,
    },
  );
  const held = line.revenue.map((c) => c.held);
  const parts = reversalParts(d.amount, held);
  const weights = parts.map((p) => -p.amount);
  const anyPart = weights.some((w) => w > 0);
  const margins = d.margin !== undefined && anyPart ? allocate(d.margin, weights) : undefined;
  const units =
    d.units !== undefined && d.units !== 0 && anyPart ? allocate(money(d.units, "XXX"), weights) : undefined;
  const common = {
    customerId: s.customerId,
    source: { kind: d.kind, id: s.source.id, ...(lineKey === DEAL_LINE ? {} : { lineId: lineKey }) },
    ...(line.productId === undefined ? {} : { productId: line.productId }),
    creditedAt: toIsoInstant(d.at),
    adjustmentId: d.adjustmentId,
  };
  const out: CreditEvent[] = [];
  line.revenue.forEach((credit, i) => {
    if (parts[i]!.amount === 0) return;
    out.push({
      type: "SalesCreditAssigned",
      data: {
        creditId: context.newId(),
        repId: credit.repId,
        ...common,
        splitType: "revenue",
        shareBps: credit.shareBps,
        amount: parts[i]!,
        ...(margins === undefined ? {} : { margin: margins[i]! }),
        ...(units === undefined ? {} : { units: units[i]!.amount }),
        reversesCreditId: credit.creditId,
      },
    });
  });
  const total = money(line.amount, s.currency);
  const before = money(line.reversed, s.currency);
  const after = money(line.reversed - d.amount.amount, s.currency);
  for (const credit of line.overlay) {
    // Cumulative: what the overlay should have lost after this reversal, less what it lost before.
    const lost = after.amount === total.amount ? credit.amount : overlayPart(after, credit.shareBps).amount;
    const piece = -(lost - overlayPart(before, credit.shareBps).amount);
    if (piece === 0) continue;
    out.push({
      type: "SalesCreditAssigned",
      data: {
        creditId: context.newId(),
        repId: credit.repId,
        ...common,
        splitType: "overlay",
        shareBps: credit.shareBps,
        amount: money(piece, s.currency),
        reversesCreditId: credit.creditId,
      },
    });
  }
  return out;
}

/**
 * The credit decider: one stream per credited deal or order. It credits a sale to the reps of the revenue splits
 * (parts allocated with `allocate`, summing exactly to the amount; the account owner by default) and of the
 * overlay splits (each `amount × share`, half-up), and reverses refunds and cancellations as negative credits at
 * the original shares. See `creditRules`.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: creditDecider, commands: creditCommand });
 * await handler.handle(creditStreamId({ kind: "deal", id: "d-1" }), assignDealCredit);
 * ```
 */
export const creditDecider: Decider<CreditCommand, CreditEvent, CreditState> = Object.freeze({
  name: "credit",
  version: "1",
  initialState: (): CreditState => ({ status: "none" }),
  evolve,
  decide: (command: CreditCommand, state: CreditState, context: DecisionContext): CreditEvent[] =>
    command.type === "ReverseCredit" ? reverse(command, state, context) : assign(command, state, context),
});
