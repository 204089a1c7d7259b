export {
  type DefineEventOptions,
  defineEvent,
  type EventDefinition,
  type EventOf,
  type EventUpcaster,
} from "./defineEvent.ts";
export {
  type AnyEvent,
  type EventEnvelope,
  type EventInput,
  type EventMetadata,
  eventEnvelopeSchema,
  eventIdSchema,
  eventMetadataSchema,
  instantSchema,
  streamIdSchema,
  tenantIdSchema,
} from "./envelope.ts";
export { createEventCatalog, type EventCatalog, type PreparedEvent } from "./eventCatalog.ts";
export { frozenJson, frozenParsed, type JsonValue, jsonEquals } from "./frozenJson.ts";
