import { z } from "zod";
import { _zodIssues, type Decider, type DecisionContext, type Money, ValidationError } from "../core/index.ts";
import type { DealCommand } from "./commands.ts";
import type { DealEvent } from "./events.ts";
import { requireCloseDateFor, requireCloseNotBeforeOpen, requireDealRule, requireValidAmount } from "./rules.ts";
import { DEFAULT_DEAL_STAGES, type DealStage, dealStageSchema, type ForecastCategory } from "./values.ts";

/**
 * What the deal decider remembers.
 *
 * @example
 * ```ts
 * const s: DealState = { status: "none" };
 * ```
 */
export type DealState =
  | { readonly status: "none" }
  | {
      readonly status: "open" | "won" | "lost";
      readonly dealId: string;
      readonly customerId: string;
      readonly ownerId: string;
      readonly stage: string;
      readonly amount: Money;
      readonly probabilityBps: number;
      readonly forecastCategory: ForecastCategory;
      readonly closeDate: string | undefined;
      readonly openedOn: string;
      readonly competitorIds: readonly string[];
    };

type Opened = Extract<DealState, { status: "open" | "won" | "lost" }>;

/**
 * The stream id of a deal.
 *
 * @param dealId - The deal's id.
 * @returns `deal-<dealId>`.
 * @example
 * ```ts
 * await handler.handle(dealStreamId("d-1"), { type: "MoveDealStage", data: { dealId: "d-1", stage: "proposal" } });
 * ```
 */
export function dealStreamId(dealId: string): string {
  return `deal-${dealId}`;
}

function evolve(state: DealState, event: DealEvent): DealState {
  if (event.type === "DealOpened") {
    const d = event.data;
    return {
      status: "open",
      dealId: d.dealId,
      customerId: d.customerId,
      ownerId: d.ownerId,
      stage: d.stage,
      amount: d.amount,
      probabilityBps: d.probabilityBps,
      forecastCategory: d.forecastCategory,
      closeDate: d.closeDate,
      openedOn: d.openedOn,
      competitorIds: [],
    };
  }
  if (state.status === "none") return state;
  switch (event.type) {
    case "DealStageChanged":
    case "DealForecastAdjusted":
      return {
        ...state,
        ...(event.type === "DealStageChanged" ? { stage: event.data.stage } : {}),
        probabilityBps: event.data.probabilityBps,
        forecastCategory: event.data.forecastCategory,
      };
    case "DealAmountChanged":
      return { ...state, amount: event.data.amount };
    case "DealCloseDateChanged":
      return { ...state, closeDate: event.data.closeDate };
    case "DealReassigned":
      return { ...state, ownerId: event.data.ownerId };
    case "DealCompetitorAdded":
      return { ...state, competitorIds: [...state.competitorIds, event.data.competitor.competitorId] };
    case "DealCompetitorRemoved":
      return { ...state, competitorIds: state.competitorIds.filter((c) => c !== event.data.competitorId) };
    case "DealWon":
      return { ...state, status: "won", amount: event.data.amount, probabilityBps: 10_000, forecastCategory: "closed" };
    case "DealLost":
      return { ...state, status: "lost", probabilityBps: 0, forecastCategory: "omitted" };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function stageOf(stages: readonly DealStage[], id: string): DealStage {
  const stage = stages.find((s) => s.id === id);
  requireDealRule(stage !== undefined, "stage_unknown", `deal: unknown stage ${id}`, {
    stage: id,
    stages: stages.map((s) => s.id),
  });
  return stage;
}

function open(state: DealState, command: DealCommand): Opened {
  requireDealRule(state.status !== "none", "deal_not_found", `deal: ${command.data.dealId} is not opened`, {
    dealId: command.data.dealId,
  });
  const s = state as Opened;
  requireDealRule(
    s.dealId === command.data.dealId,
    "deal_id_matches",
    `deal: the command names ${command.data.dealId} but the stream holds ${s.dealId}`,
    { expected: s.dealId, got: command.data.dealId },
  );
  requireDealRule(s.status === "open", "deal_closed", `deal: ${s.dealId} is ${s.status}; it cannot change`, {
    dealId: s.dealId,
    status: s.status,
  });
  return s;
}

function decideWith(stages: readonly DealStage[]) {
  return (command: DealCommand, state: DealState, { now }: DecisionContext): DealEvent[] => {
    if (command.type === "OpenDeal") {
      requireDealRule(
        state.status === "none",
        "deal_already_opened",
        `deal: ${command.data.dealId} is already opened`,
        {
          dealId: command.data.dealId,
        },
      );
      const d = command.data;
      const stage = stageOf(stages, d.stage ?? stages[0]!.id);
      const forecastCategory = d.forecastCategory ?? stage.forecastCategory;
      requireValidAmount(d.amount);
      if (d.closeDate !== undefined) requireCloseNotBeforeOpen(d.closeDate, d.openedOn);
      requireCloseDateFor(forecastCategory, d.closeDate);
      return [
        {
          type: "DealOpened",
          data: {
            ...d,
            stage: stage.id,
            probabilityBps: d.probabilityBps ?? stage.probabilityBps,
            forecastCategory,
            openedAt: now,
          },
        },
      ];
    }
    const s = open(state, command);
    const dealId = s.dealId;
    switch (command.type) {
      case "MoveDealStage": {
        const stage = stageOf(stages, command.data.stage);
        if (stage.id === s.stage) return [];
        requireCloseDateFor(stage.forecastCategory, s.closeDate);
        return [
          {
            type: "DealStageChanged",
            data: {
              dealId,
              fromStage: s.stage,
              stage: stage.id,
              probabilityBps: stage.probabilityBps,
              forecastCategory: stage.forecastCategory,
              changedAt: now,
            },
          },
        ];
      }
      case "ChangeDealAmount":
        requireValidAmount(command.data.amount, s.amount.currency);
        if (command.data.amount.amount === s.amount.amount) return [];
        return [
          {
            type: "DealAmountChanged",
            data: { dealId, amount: command.data.amount, previousAmount: s.amount, changedAt: now },
          },
        ];
      case "ChangeDealCloseDate":
        requireCloseNotBeforeOpen(command.data.closeDate, s.openedOn);
        if (command.data.closeDate === s.closeDate) return [];
        return [
          {
            type: "DealCloseDateChanged",
            data: {
              dealId,
              closeDate: command.data.closeDate,
              ...(s.closeDate === undefined ? {} : { previousCloseDate: s.closeDate }),
              changedAt: now,
            },
          },
        ];
      case "AdjustDealForecast": {
        const probabilityBps = command.data.probabilityBps ?? s.probabilityBps;
        const forecastCategory = command.data.forecastCategory ?? (s.forecastCategory as "pipeline");
        requireCloseDateFor(forecastCategory, s.closeDate);
        if (probabilityBps === s.probabilityBps && forecastCategory === s.forecastCategory) return [];
        return [{ type: "DealForecastAdjusted", data: { dealId, probabilityBps, forecastCategory, changedAt: now } }];
      }
      case "ReassignDeal":
        if (command.data.ownerId === s.ownerId) return [];
        return [
          {
            type: "DealReassigned",
            data: { dealId, ownerId: command.data.ownerId, previousOwnerId: s.ownerId, changedAt: now },
          },
        ];
      case "AddDealCompetitor":
        requireDealRule(
          !s.competitorIds.includes(command.data.competitor.competitorId),
          "competitor_already_added",
          `deal: competitor ${command.data.competitor.competitorId} is already on ${dealId}`,
          { competitorId: command.data.competitor.competitorId },
        );
        return [{ type: "DealCompetitorAdded", data: { dealId, competitor: command.data.competitor } }];
      case "RemoveDealCompetitor":
        requireCompetitor(s, command.data.competitorId);
        return [{ type: "DealCompetitorRemoved", data: { dealId, competitorId: command.data.competitorId } }];
      case "WinDeal":
      case "LoseDeal": {
        requireCloseNotBeforeOpen(command.data.closedOn, s.openedOn);
        const common = {
          dealId,
          customerId: s.customerId,
          ownerId: s.ownerId,
          amount: s.amount,
          openedOn: s.openedOn,
          closedOn: command.data.closedOn,
          closedAt: now,
          reason: command.data.reason,
          competitorIds: [...s.competitorIds],
        };
        if (command.type === "WinDeal") {
          const amount = command.data.amount ?? s.amount;
          requireValidAmount(amount, s.amount.currency);
          return [{ type: "DealWon", data: { ...common, amount } }];
        }
        const { lostToCompetitorId, detail } = command.data;
        if (lostToCompetitorId !== undefined) requireCompetitor(s, lostToCompetitorId);
        return [
          {
            type: "DealLost",
            data: {
              ...common,
              ...(detail === undefined ? {} : { detail }),
              ...(lostToCompetitorId === undefined ? {} : { lostToCompetitorId }),
            },
          },
        ];
      }
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  };
}

function requireCompetitor(s: Opened, competitorId: string): void {
  requireDealRule(
    s.competitorIds.includes(competitorId),
    "competitor_not_found",
    `deal: competitor ${competitorId} is not recorded on ${s.dealId}`,
    { competitorId, competitors: s.competitorIds },
  );
}

const stagesSchema = z
  .array(dealStageSchema)
  .min(1)
  .max(30)
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, { message: "stage ids must be distinct" });

/**
 * Creates a deal decider over a list of open stages (won and lost are outcomes, not stages). A deal opens in the
 * first stage unless the command names one.
 *
 * @param options - `stages`: the ordered open stages; {@link DEFAULT_DEAL_STAGES} by default.
 * @returns The deal decider.
 * @throws {@link ValidationError} when the stages are empty, invalid or repeated.
 * @example
 * ```ts
 * const decider = createDealDecider({ stages: [{ id: "lead", label: "Lead", probabilityBps: 500, forecastCategory: "pipeline" }] });
 * ```
 */
export function createDealDecider(
  options: { readonly stages?: readonly DealStage[] } = {},
): Decider<DealCommand, DealEvent, DealState> {
  const parsed = stagesSchema.safeParse(options.stages ?? DEFAULT_DEAL_STAGES);
  if (!parsed.success) {
    throw new ValidationError("createDealDecider", _zodIssues(parsed.error.issues, ["stages"]));
  }
  const stages = Object.freeze(parsed.data.map((s) => Object.freeze(s)));
  return Object.freeze({
    name: "deal",
    version: "1",
    initialState: (): DealState => ({ status: "none" }),
    evolve,
    decide: decideWith(stages),
  });
}

/**
 * The deal decider with the {@link DEFAULT_DEAL_STAGES}. See `dealRules` for what it refuses.
 *
 * @example
 * ```ts
 * const handler = createCommandHandler({ store, decider: dealDecider, commands: dealCommand });
 * ```
 */
export const dealDecider: Decider<DealCommand, DealEvent, DealState> = /* @__PURE__ */ createDealDecider();
