// The customers area: profiles with personal data marked for erasure, interactions, service tickets and satisfaction.
export { type CustomerCommand, customerCommand, type TicketCommand, ticketCommand } from "./commands.ts";
export { type CustomerState, customerDecider, customerStreamId } from "./customerDecider.ts";
export {
  CsatRecorded,
  CustomerContactAdded,
  CustomerContactRemoved,
  type CustomerEvent,
  CustomerNoteAdded,
  CustomerProfileUpdated,
  CustomerRegistered,
  type CustomerStreamEvent,
  CustomerTagged,
  CustomerUntagged,
  customerEvents,
  InteractionLogged,
  NpsRecorded,
} from "./events.ts";
export {
  ERASED,
  personal,
  personalPaths,
  personalPathsOfCatalog,
  redactPersonalData,
} from "./personalData.ts";
export {
  type CustomerDirectoryState,
  type CustomerProfile,
  customerDirectory,
} from "./projections/customerDirectory.ts";
export { type CustomerRule, customerRules, requireCustomerRule } from "./rules.ts";
export {
  createTicketDecider,
  DEFAULT_SLA_POLICY,
  type SlaPolicy,
  slaPolicySchema,
  type TicketState,
  ticketDecider,
  ticketStreamId,
} from "./ticketDecider.ts";
export {
  resolutionCodeSchema,
  TicketOpened,
  type TicketEvent,
  type TicketPriority,
  TicketReopened,
  TicketResolved,
  TicketUpdated,
  ticketPrioritySchema,
} from "./ticketEvents.ts";
export {
  type Contact,
  type CustomerPreferences,
  channelSchema,
  codeSchema,
  contactSchema,
  customerIdSchema,
  emailSchema,
  MAX_TAGS,
  phoneSchema,
  preferencesSchema,
} from "./values.ts";
