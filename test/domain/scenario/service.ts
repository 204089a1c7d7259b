// Customer contact and field work: interactions, satisfaction surveys, service tickets, market feedback and the
// goals' task trees. Each goes through its area's command handler and is recorded in the ledger.
import { goalTasksStreamId } from "../../../src/assignments/index.ts";
import { customerStreamId, ticketStreamId } from "../../../src/customers/index.ts";
import { marketFeedbackStreamId } from "../../../src/market/index.ts";
import { type Context, today } from "./agenda.ts";
import { ownerAt, teamAt, type TicketModel } from "./ledger.ts";
import { addDays, iso, MANAGER_OF_TEAM, MINUTE, PRODUCTS, SE, USD } from "./world.ts";

const CHANNELS = ["call", "meeting", "email", "visit", "message"] as const;
const OUTCOMES = [
  ["positive", 4],
  ["neutral", 3],
  ["negative", 1],
  ["no_answer", 2],
] as const;

/** Logs an interaction that happened up to ten hours ago, by the account's owner, the SE or the owner's manager. */
export async function logInteraction(ctx: Context, customerId: string): Promise<void> {
  const { h, rng, next } = ctx;
  const now = h.peek();
  const owner = ownerAt(h.ledger, customerId, now)!.repId!;
  const team = teamAt(h.ledger, owner, now);
  const who = rng.weighted([
    ["owner", 16],
    ["se", 2],
    ["manager", 2],
  ] as const);
  const repId = who === "se" ? SE : who === "manager" && team ? MANAGER_OF_TEAM[team]! : owner;
  const at = now - rng.int(0, 600) * MINUTE;
  const openDeals = Object.values(h.ledger.deals).filter((d) => d.customerId === customerId && d.status === "open");
  const dealId = openDeals.length > 0 && rng.chance(0.4) ? rng.pick(openDeals).dealId : undefined;
  const interactionId = next("i");
  const channel = rng.pick(CHANNELS);
  const outcome = rng.weighted(OUTCOMES);
  const nextStep = rng.chance(0.3);
  await h.customers(customerStreamId(customerId), {
    type: "LogInteraction",
    data: {
      customerId,
      interactionId,
      repId,
      channel,
      occurredAt: iso(at),
      outcome,
      ...(nextStep ? { nextStep: "send the revised quote", nextStepDue: addDays(today(ctx), rng.int(3, 14)) } : {}),
      ...(dealId ? { dealId } : {}),
    },
  });
  h.ledger.interactions.push({
    interactionId,
    customerId,
    repId,
    channel,
    outcome,
    at,
    seq: h.ledger.interactions.length,
  });
}

export async function recordCsat(ctx: Context, customerId: string, dealId?: string): Promise<void> {
  const score = ctx.rng.weighted([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 4],
    [5, 4],
  ] as const);
  await ctx.h.customers(customerStreamId(customerId), {
    type: "RecordCsat",
    data: { customerId, surveyId: ctx.next("s"), score, ...(dealId ? { dealId } : {}) },
  });
  (ctx.h.ledger.csat[customerId] ??= []).push(score);
}

export async function recordNps(ctx: Context, customerId: string): Promise<void> {
  const score = ctx.rng.int(0, 10);
  await ctx.h.customers(customerStreamId(customerId), {
    type: "RecordNps",
    data: { customerId, surveyId: ctx.next("s"), score },
  });
  (ctx.h.ledger.nps[customerId] ??= []).push(score);
}

/** Opens a ticket now; schedules the first answer (most of the time) and the resolution, sometimes a reopening. */
export async function openTicket(ctx: Context, customerId: string, reopen: boolean): Promise<void> {
  const { h, rng, agenda } = ctx;
  const ticketId = ctx.next("t");
  const priority = rng.weighted([
    ["low", 2],
    ["normal", 5],
    ["high", 2],
    ["urgent", 1],
  ] as const);
  const openedAt = h.peek();
  await h.tickets(ticketStreamId(ticketId), {
    type: "OpenTicket",
    data: {
      ticketId,
      customerId,
      subject: "cannot export the monthly report",
      priority,
      channel: "email",
      assigneeId: "support-1",
    },
  });
  const t: TicketModel = { ticketId, customerId, priority, openedAt, resolutions: [], reopened: 0, status: "open" };
  h.ledger.tickets[ticketId] = t;
  const respondAfter = rng.int(20, 900);
  if (rng.chance(0.7)) {
    agenda.at(openedAt + respondAfter * MINUTE, async () => {
      const at = h.peek();
      await h.tickets(ticketStreamId(ticketId), {
        type: "UpdateTicket",
        data: { ticketId, status: "in_progress", respondedToCustomer: true },
      });
      t.respondedAt = at;
    });
  }
  const resolve = async () => {
    const at = h.peek();
    await h.tickets(ticketStreamId(ticketId), { type: "ResolveTicket", data: { ticketId, resolutionCode: "fixed" } });
    t.respondedAt ??= at;
    t.resolutions.push(at);
    t.status = "resolved";
  };
  const resolvedAt = openedAt + (respondAfter + rng.int(30, 6_000)) * MINUTE;
  agenda.at(resolvedAt, resolve);
  if (reopen) {
    agenda.at(resolvedAt + 26 * 60 * MINUTE, async () => {
      await h.tickets(ticketStreamId(ticketId), {
        type: "ReopenTicket",
        data: { ticketId, reason: "the export fails again" },
      });
      t.reopened += 1;
      t.status = "open";
    });
    agenda.at(resolvedAt + 50 * 60 * MINUTE, resolve);
  }
}

const TOPICS = ["pricing", "integrations", "support", "delivery"] as const;
const COMPETITOR_SPELLINGS = ["Globex", "globex", " GLOBEX ", "Initech", "Umbrella Corp", "umbrella  corp"] as const;

export async function recordFeedback(ctx: Context, customerId: string): Promise<void> {
  const { h, rng } = ctx;
  const feedbackId = ctx.next("f");
  const kind = rng.pick(["competitor_move", "price_signal", "customer_request"] as const);
  const competitor = kind === "competitor_move" || rng.chance(0.3) ? rng.pick(COMPETITOR_SPELLINGS) : undefined;
  const observedAt = h.peek() - rng.int(0, 3 * 24 * 60) * MINUTE;
  const topic = rng.pick(TOPICS);
  await h.market(marketFeedbackStreamId(feedbackId), {
    type: "RecordMarketFeedback",
    data: {
      feedbackId,
      kind,
      topic,
      links: rng.chance(0.5) ? { customerId } : { customerId, productId: rng.pick(PRODUCTS).productId },
      ...(competitor ? { competitor } : {}),
      ...(kind === "price_signal"
        ? rng.chance(0.5)
          ? { priceChangeBps: -rng.int(5, 30) * 100 }
          : { price: { amount: rng.int(500_00, 1_500_00), currency: USD } }
        : {}),
      note: `${kind} heard at ${customerId}`,
      observedAt: iso(observedAt),
      reportedBy: ownerAt(h.ledger, customerId, h.peek())!.repId!,
    },
  });
  h.ledger.feedback.push({
    feedbackId,
    topic,
    kind,
    ...(competitor ? { competitor } : {}),
    observedAt,
    retracted: false,
  });
}

export async function retractFeedback(ctx: Context, feedbackId: string): Promise<void> {
  await ctx.h.market(marketFeedbackStreamId(feedbackId), {
    type: "RetractMarketFeedback",
    data: { reason: "duplicate of an earlier report" },
  });
  ctx.h.ledger.feedback.find((f) => f.feedbackId === feedbackId)!.retracted = true;
}

/**
 * A goal's task tree: three tasks, each with two subtasks, started and completed over the quarter (subtasks first).
 * One subtask is cancelled and one root keeps a subtask open, so its parent cannot complete.
 */
export async function planTasks(ctx: Context, goalId: string, owners: readonly string[]): Promise<void> {
  const { h, rng, agenda } = ctx;
  const stream = goalTasksStreamId(goalId);
  const start = h.peek();
  const day = 24 * 60 * MINUTE;
  const create = async (taskId: string, ownerRepId: string, weight: number, parentTaskId?: string) => {
    await h.tasks(stream, {
      type: "CreateTask",
      data: {
        goalId,
        taskId,
        title: `work on ${taskId}`,
        ownerRepId,
        dueDate: addDays(today(ctx), rng.int(20, 80)),
        weight,
        ...(parentTaskId ? { parentTaskId } : {}),
      },
    });
    h.ledger.tasks[taskId] = { goalId, taskId, weight, ...(parentTaskId ? { parentTaskId } : {}), status: "open" };
  };
  const step = (taskId: string, ms: number, type: "StartTask" | "CompleteTask") =>
    agenda.at(ms, async () => {
      await h.tasks(stream, { type, data: { taskId } });
      h.ledger.tasks[taskId]!.status = type === "StartTask" ? "in_progress" : "done";
    });
  for (let r = 1; r <= 3; r++) {
    const root = `${goalId}-t${r}`;
    await create(root, owners[r % owners.length]!, 3);
    step(root, start + rng.int(1, 5) * day, "StartTask");
    let last = start;
    for (let s = 1; s <= 2; s++) {
      const sub = `${root}.${s}`;
      await create(sub, owners[(r + s) % owners.length]!, rng.int(1, 5), root);
      const began = start + rng.int(2, 30) * day;
      step(sub, began, "StartTask");
      if (r === 3 && s === 2) continue; // stays in progress: its parent cannot complete
      if (r === 2 && s === 2) {
        agenda.at(began + day, async () => {
          await h.tasks(stream, { type: "CancelTask", data: { taskId: sub, reason: "merged into the first subtask" } });
          h.ledger.tasks[sub]!.status = "cancelled";
        });
        last = Math.max(last, began + day);
        continue;
      }
      const done = began + rng.int(3, 40) * day;
      last = Math.max(last, done);
      step(sub, done, "CompleteTask");
    }
    if (r !== 3) step(root, last + rng.int(1, 5) * day, "CompleteTask");
  }
}
