import type { CreditCommand, CreditEvent } from "../../../src/credit/index.ts";
import { money } from "../../../src/index.ts";

export const closedAt = "2026-08-14T08:00:00.000Z";
export const owner = { repId: "rep-ana", effectiveFrom: "2026-01-01T00:00:00.000Z" };
export const usd = (n: number) => money(n, "USD");

export function dealCredit(
  over: Partial<Extract<CreditCommand, { type: "AssignDealCredit" }>["data"]> = {},
): CreditCommand {
  return {
    type: "AssignDealCredit",
    data: { dealId: "d-1", customerId: "cu-1", amount: usd(100_000), closedAt, owner, ...over },
  };
}

export function orderCredit(
  over: Partial<Extract<CreditCommand, { type: "AssignOrderCredit" }>["data"]> = {},
): CreditCommand {
  return {
    type: "AssignOrderCredit",
    data: {
      orderId: "o-1",
      customerId: "cu-1",
      orderedAt: "2026-07-10T02:00:00.000Z",
      owner,
      lines: [{ lineId: "l-1", productId: "erp", amount: usd(1_000), units: 3 }],
      ...over,
    },
  };
}

export function reverseCredit(
  over: Partial<Extract<CreditCommand, { type: "ReverseCredit" }>["data"]> = {},
): CreditCommand {
  return {
    type: "ReverseCredit",
    data: {
      source: { kind: "order", id: "o-1" },
      kind: "refund",
      adjustmentId: "a-1",
      lineId: "l-1",
      amount: usd(-500),
      at: "2026-07-20T02:00:00.000Z",
      ...over,
    },
  };
}

/** Runs commands through the decider directly, with sequential credit ids. */
export function run(decider: {
  initialState: () => any;
  evolve: (s: any, e: any) => any;
  decide: (c: any, s: any, ctx: any) => any;
}) {
  let state = decider.initialState();
  let n = 0;
  const all: CreditEvent[] = [];
  return {
    exec(command: CreditCommand): CreditEvent[] {
      const out = decider.decide(command, state, {
        now: closedAt,
        actor: undefined,
        newId: () => `c-${++n}`,
      }) as CreditEvent[];
      for (const e of out) state = decider.evolve(state, e);
      all.push(...out);
      return out;
    },
    get events() {
      return all;
    },
  };
}
