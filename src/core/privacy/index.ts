export {
  createErasableEventStore,
  type ErasableEventStore,
  type ErasableEventStoreOptions,
  type ErasureReceipt,
  type ForgetSubjectOptions,
} from "./erasableEventStore.ts";
export { generateMasterKey, type MasterKey } from "./keyRing.ts";
export {
  createInMemoryKeyStore,
  type InMemoryKeyStoreOptions,
  type KeyStore,
  type StoredDataKey,
  type SubjectKeys,
  subjectIdSchema,
} from "./keyStore.ts";
export {
  _personalSteps,
  type CatalogPersonalFields,
  ERASED,
  type Erased,
  isErased,
  type PersonalFields,
  personalFieldsOf,
  personalFieldsOfCatalog,
  personalSubject,
} from "./personalFields.ts";
export {
  type ErasureAuditState,
  type ErasureRecord,
  erasureAudit,
  erasureReasonSchema,
  erasureStreamId,
  type PrivacyEvent,
  privacyEvents,
  SubjectErased,
  SubjectErasureRequested,
} from "./privacyEvents.ts";
export type { PathStep as _PathStep } from "./schemaWalk.ts";
export type { SubjectOf } from "./sealedEvents.ts";
export { erasableStorageCatalog } from "./storageCatalog.ts";
