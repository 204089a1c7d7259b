/**
 * salesfold/testing: what teams need to test their stores, deciders and plans.
 *
 * - `eventStoreConformance`: the suite every EventStore implementation must pass.
 * - `deciderSpec`: given/when/then specifications for deciders.
 * - fast-check arbitraries for money, periods and event envelopes (fast-check is an optional peer dependency).
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
  type DeciderSpec,
  type DeciderSpecOptions,
  type DeciderSpecThen,
  deciderSpec,
} from "./testing/deciderSpec.ts";
