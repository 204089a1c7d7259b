// Incentive plans as data: zod schemas, validation and plan-level predicates.
export {
  type Component,
  checkComponent,
  componentSchema,
  type Measure,
  measureSchema,
  needsQuota,
  planIdSchema,
} from "./component.ts";
export {
  type Bonus,
  bonusSchema,
  type ClawbackPolicy,
  clawbackPolicySchema,
  type Draw,
  drawSchema,
  type PaymentSchedule,
  type ProrationPolicy,
  paymentScheduleSchema,
  prorationPolicySchema,
  type Spiff,
  spiffSchema,
} from "./extras.ts";
export {
  definePlan,
  effectiveRangeMs,
  type PlanDefinition,
  planCalendar,
  planDeclaresDecelerator,
  planDefinitionSchema,
} from "./planDefinition.ts";
export {
  type BoundaryPolicy,
  boundaryPolicySchema,
  checkTierTable,
  type Tier,
  type TierMode,
  type TierPayoutKind,
  tierModeSchema,
  tierPayoutKind,
  tierSchema,
} from "./tiers.ts";
