// The sales-domain workload for the `domain` bench phase: 1,000,000 valid events of every sales-domain area (team,
// goals, assignments, market, customers, deals, orders, credit), generated deterministically from indexes (no
// randomness), in the streams the areas' deciders use, batched one stream at a time. Each event passes its zod
// schema when appended; each stream is consistent with its decider (a deal is won once, after it opened; a refund
// is negative and references its line; revenue splits total 100 %).
import type { EventInput } from "salesfold";

export const TOTAL_EVENTS = 1_000_000;
const TZ = "Asia/Shanghai";
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1) - 8 * 3_600_000; // 1 January 2026, 00:00 in Shanghai
const SPAN_DAYS = 272;

export const TEAMS = 50;
const REPS_PER_TEAM = 20;
const CUSTOMERS = 40_000;
const DEALS = 60_000;
const ORDERS = 40_000;
const TICKETS = 6_000;
const FEEDBACK = 20_000;
const TASKS_PER_TEAM = 200;

/** A stream's batch: appended in one call. */
export interface Batch {
  readonly streamId: string;
  readonly events: EventInput[];
}

/** A deterministic 32-bit hash of two integers. */
const hash = (a: number, b: number): number => {
  let x = Math.imul(a + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  return x >>> 0;
};
const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const usd = (amount: number) => ({ amount, currency: "USD" });
const at = (n: number, salt: number, fromDay = 0, days = SPAN_DAYS) =>
  START + (fromDay + (hash(n, salt) % days)) * DAY + (hash(n, salt + 1) % 36_000) * 1_000 + 3_600_000;

const teamOf = (c: number) => c % TEAMS;
const rep = (team: number, k: number) => `rep-${team}-${k}`;
const ownerOf = (c: number) => rep(teamOf(c), Math.floor(c / TEAMS) % REPS_PER_TEAM);
const customer = (c: number) => `cu-${c}`;
const e = (type: string, data: unknown, occurredAt?: number): EventInput =>
  ({ type, data, ...(occurredAt === undefined ? {} : { occurredAt: iso(occurredAt) }) }) as EventInput;

const STAGES = [
  ["prospecting", 1_000, "pipeline"],
  ["qualification", 2_000, "pipeline"],
  ["needs_analysis", 4_000, "pipeline"],
  ["proposal", 6_000, "best_case"],
  ["negotiation", 8_000, "commit"],
] as const;
const PRODUCTS = Array.from({ length: 12 }, (_, i) => ({
  id: `p-${i}`,
  price: 99_00 + i * 137_31,
  cost: 31_00 + i * 41_07,
}));
const COMPETITORS = ["globex", "initech", "umbrella", "hooli"];
const CHANNELS = ["call", "meeting", "email", "visit", "message"] as const;
const OUTCOMES = ["positive", "neutral", "negative", "no_answer"] as const;
const TOPICS = ["pricing", "integrations", "support", "delivery", "security"];
const period = { periodId: "2026-Q3", calendar: { timeZone: TZ } };

function* organization(): Generator<Batch> {
  const hired = "2026-01-05T01:00:00.000Z";
  const events: EventInput[] = [];
  for (let g = 0; g < 5; g++)
    events.push(
      e("TeamCreated", { teamId: `region-${g}`, name: `Region ${g}`, effectiveFrom: "2026-01-01T00:00:00.000Z" }),
    );
  for (let t = 0; t < TEAMS; t++) {
    events.push(
      e("TeamCreated", {
        teamId: `team-${t}`,
        name: `Team ${t}`,
        parentTeamId: `region-${t % 5}`,
        effectiveFrom: "2026-01-01T00:00:00.000Z",
      }),
    );
  }
  const hire = (memberId: string, roles: string[], teamId: string, managerId?: string) => {
    events.push(
      e("MemberHired", { memberId, displayName: memberId, roles, responsibilities: [], effectiveFrom: hired }),
    );
    events.push(e("TeamMembershipChanged", { memberId, teamId, effectiveFrom: hired }));
    if (managerId) events.push(e("ManagerChanged", { memberId, managerId, effectiveFrom: hired }));
  };
  for (let t = 0; t < TEAMS; t++) {
    hire(`mgr-${t}`, ["manager"], `team-${t}`);
    hire(`se-${t}`, ["sales_engineer", "overlay"], `team-${t}`, `mgr-${t}`);
    for (let k = 0; k < REPS_PER_TEAM; k++) hire(rep(t, k), ["rep"], `team-${t}`, `mgr-${t}`);
  }
  // A few moves between teams in the quarter.
  for (let t = 0; t < TEAMS; t++) {
    events.push(
      e("TeamMembershipChanged", {
        memberId: rep(t, 0),
        teamId: `team-${(t + 1) % TEAMS}`,
        effectiveFrom: "2026-08-15T00:00:00+08:00",
      }),
    );
  }
  for (let i = 0; i < events.length; i += 500)
    yield { streamId: "organization-bench", events: events.slice(i, i + 500) };
}

function* goalPlans(): Generator<Batch> {
  for (let t = 0; t < TEAMS; t++) {
    const now = iso(START + 160 * DAY);
    const parent = `q3-team-${t}`;
    const text = { description: `Team ${t} revenue in 2026-Q3`, measure: "revenue-split credit dated in the quarter" };
    const target = 20_000_000_00 + t * 1_000_00;
    const events: EventInput[] = [
      e("GoalSet", {
        goalId: parent,
        metric: "revenue",
        target: usd(target),
        period,
        owner: { kind: "team", teamId: `team-${t}` },
        ...text,
        at: now,
      }),
    ];
    const share = target / REPS_PER_TEAM;
    const allocations = Array.from({ length: REPS_PER_TEAM }, (_, k) => ({
      goalId: `q3-${rep(t, k)}`,
      weightBps: 500,
      target: usd(share),
    }));
    for (const [k, a] of allocations.entries()) {
      events.push(
        e("GoalSet", {
          goalId: a.goalId,
          metric: "revenue",
          target: a.target,
          period,
          owner: { kind: "rep", repId: rep(t, k) },
          parentGoalId: parent,
          basis: "split",
          ...text,
          at: now,
        }),
      );
    }
    events.push(e("GoalCascaded", { parentGoalId: parent, basis: "split", allocations, at: now }));
    for (const goalId of [parent, ...allocations.map((a) => a.goalId)])
      events.push(e("GoalLocked", { goalId, at: now }));
    yield { streamId: `goal-plan-${t}`, events };
  }
}

function* goalTasks(): Generator<Batch> {
  for (let t = 0; t < TEAMS; t++) {
    const goalId = `q3-team-${t}`;
    const events: EventInput[] = [];
    for (let i = 0; i < TASKS_PER_TEAM; i++) {
      const taskId = `task-${t}-${i}`;
      const created = at(t * 1_000 + i, 40, 180, 20);
      const parentTaskId = i % 4 === 0 ? undefined : `task-${t}-${i - (i % 4)}`;
      events.push(
        e("TaskCreated", {
          goalId,
          taskId,
          title: `task ${i}`,
          ownerRepId: rep(t, i % REPS_PER_TEAM),
          dueDate: date(created + 40 * DAY),
          weight: 1 + (i % 5),
          createdAt: iso(created),
          ...(parentTaskId ? { parentTaskId } : {}),
        }),
      );
    }
    // Subtasks first; a parent completes only when every subtask is done or cancelled.
    const status = (i: number) => {
      const h = hash(t, i) % 100;
      return h < 5 ? "cancelled" : h < 65 ? "done" : h < 85 ? "in_progress" : "open";
    };
    const when = (i: number, later: number) => iso(START + (200 + (hash(t, i) % 60) + later) * DAY);
    for (let i = 0; i < TASKS_PER_TEAM; i++) {
      if (i % 4 === 0) continue;
      const ids = { goalId, taskId: `task-${t}-${i}` };
      const s = status(i);
      if (s === "cancelled")
        events.push(e("TaskCancelled", { ...ids, cancelledAt: when(i, 0), reason: "no longer needed" }));
      if (s === "done" || s === "in_progress") events.push(e("TaskStarted", { ...ids, startedAt: when(i, 0) }));
      if (s === "done") events.push(e("TaskCompleted", { ...ids, completedAt: when(i, 1) }));
    }
    for (let i = 0; i < TASKS_PER_TEAM; i += 4) {
      const ids = { goalId, taskId: `task-${t}-${i}` };
      events.push(e("TaskStarted", { ...ids, startedAt: when(i, 0) }));
      if ([1, 2, 3].every((j) => ["done", "cancelled"].includes(status(i + j)))) {
        events.push(e("TaskCompleted", { ...ids, completedAt: when(i, 70) }));
      }
    }
    yield { streamId: `goal-tasks-${goalId}`, events };
  }
}

function* accountBooks(): Generator<Batch> {
  for (let t = 0; t < TEAMS; t++) {
    const events: EventInput[] = [];
    for (let k = 0; k < REPS_PER_TEAM; k++) events.push(e("RepEnrolled", { repId: rep(t, k), maxAccounts: null }));
    for (let c = t; c < CUSTOMERS; c += TEAMS) {
      const id = customer(c);
      const since = iso(START + (c % 30) * DAY);
      events.push(
        e("AccountRegistered", {
          customerId: id,
          attributes: { region: `region-${t % 5}`, segment: c % 3 === 0 ? "enterprise" : "smb" },
        }),
      );
      events.push(
        e("AccountOwnerAssigned", { customerId: id, repId: ownerOf(c), effectiveFrom: since, reason: "initial book" }),
      );
      const h = hash(c, 7) % 100;
      if (h < 10) {
        events.push(
          e("AccountOwnerAssigned", {
            customerId: id,
            repId: rep(t, (c + 7) % REPS_PER_TEAM),
            effectiveFrom: iso(at(c, 8, 100, 150)),
            reason: "rebalancing",
          }),
        );
      } else if (h < 11) {
        const left = at(c, 9, 100, 100);
        events.push(
          e("AccountReleasedToPool", {
            customerId: id,
            fromRepId: ownerOf(c),
            effectiveFrom: iso(left),
            reason: "no budget",
          }),
        );
        const claimed = left + 10 * DAY;
        events.push(
          e("AccountClaimed", {
            customerId: id,
            repId: rep(t, (c + 3) % REPS_PER_TEAM),
            claimedAt: iso(claimed),
            claimedOn: date(claimed),
          }),
        );
        events.push(
          e("AccountOwnerAssigned", {
            customerId: id,
            repId: rep(t, (c + 3) % REPS_PER_TEAM),
            effectiveFrom: iso(claimed),
            reason: "claimed from the pool",
          }),
        );
      }
      if (events.length >= 400) yield { streamId: `account-book-${t}`, events: events.splice(0) };
    }
    if (events.length > 0) yield { streamId: `account-book-${t}`, events };
  }
}

function* tickets(): Generator<Batch> {
  for (let k = 0; k < TICKETS; k++) {
    const customerId = customer(hash(k, 20) % CUSTOMERS);
    const opened = at(k, 21);
    const responded = opened + (10 + (hash(k, 22) % 600)) * 60_000;
    const resolved = responded + (30 + (hash(k, 23) % 5_000)) * 60_000;
    const ticketId = `t-${k}`;
    yield {
      streamId: `ticket-${ticketId}`,
      events: [
        e("TicketOpened", {
          ticketId,
          customerId,
          subject: "export fails",
          priority: "normal",
          openedAt: iso(opened),
          firstResponseDueAt: iso(opened + 480 * 60_000),
          resolutionDueAt: iso(opened + 4_320 * 60_000),
        }),
        e("TicketUpdated", {
          ticketId,
          customerId,
          updatedAt: iso(responded),
          status: "in_progress",
          firstResponseAt: iso(responded),
        }),
        e("TicketResolved", {
          ticketId,
          customerId,
          resolvedAt: iso(resolved),
          resolutionCode: "fixed",
          firstResponseAt: iso(responded),
          firstResponseBreached: responded > opened + 480 * 60_000,
          resolutionBreached: resolved > opened + 4_320 * 60_000,
        }),
      ],
    };
  }
}

/** Deals, each in its stream, and the credit of each won deal in the deal's credit stream. */
function* deals(): Generator<Batch> {
  for (let n = 0; n < DEALS; n++) {
    const dealId = `d-${n}`;
    const c = hash(n, 1) % CUSTOMERS;
    const customerId = customer(c);
    const ownerId = ownerOf(c);
    const opened = at(n, 2, 0, 230);
    const openedOn = date(opened);
    let amount = 5_000_00 + (hash(n, 3) % 200_000_00);
    const closeDate = date(opened + (30 + (hash(n, 4) % 60)) * DAY);
    const events: EventInput[] = [
      e("DealOpened", {
        dealId,
        customerId,
        ownerId,
        name: dealId,
        stage: "prospecting",
        amount: usd(amount),
        probabilityBps: 1_000,
        forecastCategory: "pipeline",
        closeDate,
        openedOn,
        openedAt: iso(opened),
      }),
    ];
    const moves = hash(n, 5) % 5;
    let t = opened;
    for (let s = 1; s <= moves; s++) {
      t += (1 + (hash(n, 6 + s) % 6)) * DAY;
      const [stage, probabilityBps, forecastCategory] = STAGES[s]!;
      events.push(
        e("DealStageChanged", {
          dealId,
          fromStage: STAGES[s - 1]![0],
          stage,
          probabilityBps,
          forecastCategory,
          changedAt: iso(t),
        }),
      );
    }
    if (hash(n, 12) % 5 === 0) {
      const next = amount + 1_000_00;
      events.push(
        e("DealAmountChanged", {
          dealId,
          amount: usd(next),
          previousAmount: usd(amount),
          changedAt: iso(t + 3_600_000),
        }),
      );
      amount = next;
    }
    if (hash(n, 13) % 5 === 0) {
      events.push(
        e("DealCloseDateChanged", {
          dealId,
          closeDate: date(opened + 100 * DAY),
          previousCloseDate: closeDate,
          changedAt: iso(t + 7_200_000),
        }),
      );
    }
    const competitorIds: string[] = [];
    if (hash(n, 14) % 10 < 3) {
      const competitorId = COMPETITORS[hash(n, 15) % COMPETITORS.length]!;
      competitorIds.push(competitorId);
      events.push(
        e("DealCompetitorAdded", {
          dealId,
          competitor: { competitorId, name: competitorId, strengths: ["price"], weaknesses: ["support"] },
        }),
      );
    }
    const outcome = hash(n, 16) % 100;
    const closedAt = t + (1 + (hash(n, 17) % 20)) * DAY;
    const closed = {
      dealId,
      customerId,
      ownerId,
      amount: usd(amount),
      openedOn,
      closedOn: date(closedAt),
      closedAt: iso(closedAt),
      competitorIds,
    };
    if (outcome < 35) events.push(e("DealWon", { ...closed, reason: "product_fit" }));
    else if (outcome < 60) {
      const lostTo = competitorIds[0];
      events.push(
        e("DealLost", {
          ...closed,
          reason: lostTo ? "competitor" : "no_budget",
          ...(lostTo ? { lostToCompetitorId: lostTo } : {}),
        }),
      );
    }
    yield { streamId: `deal-${dealId}`, events };
    if (outcome < 35) {
      const source = { kind: "deal", id: dealId };
      const common = { customerId, source, creditedAt: iso(closedAt) };
      const credits: EventInput[] = [];
      if (hash(n, 18) % 10 < 3) {
        const first = Math.round(amount * 0.6);
        const partner = rep(teamOf(c), (Math.floor(c / TEAMS) + 1) % REPS_PER_TEAM);
        credits.push(
          e("SalesCreditAssigned", {
            creditId: `cr-${dealId}-1`,
            repId: ownerId,
            ...common,
            splitType: "revenue",
            shareBps: 6_000,
            amount: usd(first),
          }),
        );
        credits.push(
          e("SalesCreditAssigned", {
            creditId: `cr-${dealId}-2`,
            repId: partner,
            ...common,
            splitType: "revenue",
            shareBps: 4_000,
            amount: usd(amount - first),
          }),
        );
      } else {
        credits.push(
          e("SalesCreditAssigned", {
            creditId: `cr-${dealId}-1`,
            repId: ownerId,
            ...common,
            splitType: "revenue",
            shareBps: 10_000,
            amount: usd(amount),
          }),
        );
      }
      if (hash(n, 19) % 10 < 3) {
        credits.push(
          e("SalesCreditAssigned", {
            creditId: `cr-${dealId}-o`,
            repId: `se-${teamOf(c)}`,
            ...common,
            splitType: "overlay",
            shareBps: 10_000,
            amount: usd(amount),
          }),
        );
      }
      yield { streamId: `credit-deal-${dealId}`, events: credits };
    }
  }
}

/** Re-orders with 1–3 lines, their invoices, a refund on one in twenty, and their credits and reversals. */
function* orders(): Generator<Batch> {
  for (let n = 0; n < ORDERS; n++) {
    const orderId = `o-${n}`;
    const c = hash(n, 30) % CUSTOMERS;
    const customerId = customer(c);
    const ordered = at(n, 31);
    const lines = Array.from({ length: 1 + (hash(n, 32) % 3) }, (_, i) => {
      const p = PRODUCTS[hash(n, 33 + i) % PRODUCTS.length]!;
      const quantity = 1 + (hash(n, 36 + i) % 10);
      const discountBps = (hash(n, 39 + i) % 3) * 500;
      const lineTotal = Math.round((quantity * p.price * (10_000 - discountBps)) / 10_000);
      return {
        lineId: `l-${i + 1}`,
        productId: p.id,
        quantity,
        unitPrice: usd(p.price),
        discountBps,
        unitCost: usd(p.cost),
        lineTotal: usd(lineTotal),
        margin: usd(lineTotal - quantity * p.cost),
      };
    });
    const total = lines.reduce((t, l) => t + l.lineTotal.amount, 0);
    const events: EventInput[] = [
      e("OrderPlaced", { orderId, customerId, orderedAt: iso(ordered), currency: "USD", lines, total: usd(total) }),
    ];
    const invoiced = hash(n, 42) % 10 !== 0;
    const issued = ordered + DAY;
    if (invoiced)
      events.push(
        e("InvoiceIssued", {
          orderId,
          invoiceId: `inv-${n}`,
          customerId,
          issuedAt: iso(issued),
          dueOn: date(issued + 30 * DAY),
          amount: usd(total),
        }),
      );
    const line = lines[0]!;
    const refund = invoiced && line.quantity >= 2 && hash(n, 43) % 20 === 0;
    const refundAt = issued + 5 * DAY;
    const unit = -Math.round(line.lineTotal.amount / line.quantity);
    if (refund) {
      const adjustment = {
        adjustmentId: `adj-${n}`,
        originalLineId: line.lineId,
        productId: line.productId,
        quantity: -1,
        lineTotal: usd(unit),
        margin: usd(unit + line.unitCost.amount),
        reason: "returned",
      };
      events.push(
        e("OrderLineRefunded", {
          orderId,
          customerId,
          invoiceId: `inv-${n}`,
          line: adjustment,
          refundedAt: iso(refundAt),
        }),
      );
    }
    yield { streamId: `order-${orderId}`, events };
    const owner = ownerOf(c);
    const credits: EventInput[] = [];
    for (const l of lines) {
      const source = { kind: "order", id: orderId, lineId: l.lineId };
      credits.push(
        e("SalesCreditAssigned", {
          creditId: `cr-${orderId}-${l.lineId}`,
          repId: owner,
          customerId,
          source,
          productId: l.productId,
          splitType: "revenue",
          shareBps: 10_000,
          amount: l.lineTotal,
          margin: l.margin,
          units: l.quantity,
          creditedAt: iso(ordered),
        }),
      );
    }
    if (refund) {
      credits.push(
        e("SalesCreditAssigned", {
          creditId: `cr-${orderId}-r`,
          repId: owner,
          customerId,
          source: { kind: "refund", id: orderId, lineId: line.lineId },
          productId: line.productId,
          splitType: "revenue",
          shareBps: 10_000,
          amount: usd(unit),
          units: -1,
          creditedAt: iso(refundAt),
          reversesCreditId: `cr-${orderId}-${line.lineId}`,
          adjustmentId: `adj-${n}`,
        }),
      );
    }
    yield { streamId: `credit-order-${orderId}`, events: credits };
  }
}

function* marketFeedback(): Generator<Batch> {
  const spellings = ["Globex", "globex", "Initech", "Umbrella Corp", "umbrella  corp", "Hooli"];
  for (let f = 0; f < FEEDBACK; f++) {
    const feedbackId = `f-${f}`;
    const kind = (["competitor_move", "price_signal", "customer_request"] as const)[f % 3]!;
    const c = hash(f, 50) % CUSTOMERS;
    const observed = at(f, 51);
    const events: EventInput[] = [
      e("MarketFeedbackRecorded", {
        feedbackId,
        kind,
        topic: TOPICS[hash(f, 52) % TOPICS.length],
        links: { customerId: customer(c) },
        ...(kind === "competitor_move" || f % 7 === 0 ? { competitor: spellings[hash(f, 53) % spellings.length] } : {}),
        ...(kind === "price_signal" ? { priceChangeBps: -500 - (f % 20) * 100 } : {}),
        note: `${kind} at ${customer(c)}`,
        observedAt: iso(observed),
        reportedBy: ownerOf(c),
      }),
    ];
    if (f % 20 === 0)
      events.push(e("MarketFeedbackRetracted", { feedbackId, retractedAt: iso(observed + DAY), reason: "duplicate" }));
    yield { streamId: `market-feedback-${feedbackId}`, events };
  }
}

/** Customers last: registration, surveys, and as many interactions as it takes to reach exactly `total` events. */
function* customers(remaining: number): Generator<Batch> {
  const surveys = (c: number) => (hash(c, 60) % 4 === 0 ? 1 : 0) + (hash(c, 61) % 5 === 0 ? 1 : 0);
  let fixed = 0;
  for (let c = 0; c < CUSTOMERS; c++) fixed += 1 + surveys(c);
  const interactions = remaining - fixed;
  if (interactions < 0) throw new Error(`the workload exceeds ${TOTAL_EVENTS} events before its interactions`);
  const base = Math.floor(interactions / CUSTOMERS);
  const extra = interactions % CUSTOMERS;
  let i = 0;
  for (let c = 0; c < CUSTOMERS; c++) {
    const customerId = customer(c);
    const registered = START + (c % 30) * DAY;
    const events: EventInput[] = [
      e("CustomerRegistered", {
        customerId,
        kind: "company",
        name: `Customer ${c}`,
        segment: c % 3 === 0 ? "enterprise" : "smb",
        region: `region-${teamOf(c) % 5}`,
        tags: [],
        preferences: {},
        contacts: [],
        registeredAt: iso(registered),
      }),
    ];
    const n = base + (c < extra ? 1 : 0);
    const owner = ownerOf(c);
    for (let k = 0; k < n; k++, i++) {
      const when =
        registered + (1 + Math.floor(((SPAN_DAYS - 31) * k) / Math.max(1, n))) * DAY + (hash(i, 62) % 36_000) * 1_000;
      events.push(
        e("InteractionLogged", {
          interactionId: `i-${i}`,
          customerId,
          repId: k % 9 === 8 ? `se-${teamOf(c)}` : owner,
          channel: CHANNELS[hash(i, 63) % 5],
          occurredAt: iso(when),
          outcome: OUTCOMES[hash(i, 64) % 4],
        }),
      );
    }
    const last = registered + (SPAN_DAYS - 30) * DAY;
    if (hash(c, 60) % 4 === 0)
      events.push(
        e("CsatRecorded", { surveyId: `s-${c}-c`, customerId, score: 1 + (hash(c, 65) % 5), respondedAt: iso(last) }),
      );
    if (hash(c, 61) % 5 === 0)
      events.push(
        e("NpsRecorded", { surveyId: `s-${c}-n`, customerId, score: hash(c, 66) % 11, respondedAt: iso(last) }),
      );
    yield { streamId: `customer-${customerId}`, events };
  }
}

/**
 * Every batch of the workload, in order: the organisation, goal plans and task trees, account books, tickets, deals
 * with their credits, orders with theirs, market feedback, then customers with their interactions, which fill the
 * log up to exactly `TOTAL_EVENTS`.
 */
export function* domainBatches(): Generator<Batch> {
  let count = 0;
  for (const part of [organization, goalPlans, goalTasks, accountBooks, tickets, deals, orders, marketFeedback]) {
    for (const batch of part()) {
      count += batch.events.length;
      yield batch;
    }
  }
  yield* customers(TOTAL_EVENTS - count);
}
