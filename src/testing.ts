/**
 * salesfold/testing: what teams need to test their stores, deciders and plans.
 *
 * - `eventStoreConformance`: the suite every EventStore implementation must pass.
 * - `deciderSpec`: given/when/then specifications for deciders.
 * - fast-check arbitraries for money, periods and event envelopes (fast-check is an optional peer dependency).
 * - the incentive kit: arbitraries for plans, credits, splits, refunds and periods, and `incentiveLaws`, the laws a
 *   team runs on its own commission plan.
 *
 * @packageDocumentation
 */
export {
  arbEnvelope,
  arbEventLog,
  arbJsonValue,
  arbStreamId,
  type EnvelopeConstraints,
} from "./testing/arbitraries/envelopes.ts";
export { arbCurrency, arbMoney, arbRatio, arbRoundingMode, arbWeights } from "./testing/arbitraries/money.ts";
export {
  arbCalendar,
  arbCalendarDate,
  arbFiscalOptions,
  arbInstant,
  arbPeriod,
  arbTimeZone,
  INTERESTING_TIME_ZONES,
} from "./testing/arbitraries/periods.ts";
export {
  type ConformanceEvent,
  conformanceCatalog,
} from "./testing/conformance/conformanceCatalog.ts";
export {
  type ConformanceOptions,
  type ConformanceSetup,
  type EventStoreFactory,
  eventStoreConformance,
} from "./testing/conformance/eventStoreConformance.ts";
export {
  arbIncentiveCredit,
  arbIncentiveCredits,
  arbPlanPeriod,
  arbRefundOf,
  arbSplitDeal,
  type IncentiveCredit,
  type IncentiveCreditConstraints,
  planPeriods,
} from "./testing/incentives/creditArbitraries.ts";
export {
  INCENTIVE_LAWS,
  type IncentiveLaw,
  type IncentiveLawName,
  type IncentiveLawOptions,
  type IncentiveLawSuite,
  incentiveLaws,
  type LawRunner,
} from "./testing/incentives/incentiveLaws.ts";
export {
  arbIncentivePlan,
  type IncentivePlanConstraints,
  KIT_PRODUCTS,
} from "./testing/incentives/planArbitraries.ts";
export {
  type DeciderSpec,
  type DeciderSpecOptions,
  type DeciderSpecThen,
  deciderSpec,
} from "./testing/deciderSpec.ts";
