export { type CatchUpSource, createCatchUpSubscription } from "./catchUpSubscription.ts";
export type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from "./eventStore.ts";
export { assertExpectedVersion, expectedVersionSchema, matchesExpectedVersion } from "./expectedVersion.ts";
export { createInMemoryEventStore, type InMemoryEventStoreOptions } from "./inMemoryEventStore.ts";
export type { InlineHook } from "./inlineHook.ts";
export {
  type ParsedReadAllOptions,
  type ParsedReadStreamOptions,
  parseReadAllOptions,
  parseReadStreamOptions,
  parseStreamId,
} from "./readOptions.ts";
export { resolveIdempotentAppend, type ValidatedAppend, validateAppend } from "./validateAppend.ts";
export { type _SubscriptionRegistry, _subscriptionRegistry } from "./subscriptionRegistry.ts";
