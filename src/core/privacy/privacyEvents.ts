import { current, isDraft } from "immer";
import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf, instantSchema } from "../events/index.ts";
import { defineProjection } from "../projections/index.ts";
import { subjectIdSchema } from "./keyStore.ts";

/**
 * The reference of an erasure request: a ticket number, a legal basis or a code such as `gdpr-art-17`. It is stored
 * in the clear and kept forever, so it must not hold personal data: 1 to 200 letters, digits, spaces and
 * `_ - . : # /`.
 *
 * @example
 * ```ts
 * erasureReasonSchema.parse("gdpr-art-17 ticket #4411");
 * ```
 */
export const erasureReasonSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 _.:#/-]{0,199}$/,
    "a reason is a reference (letters, digits, spaces, _ - . : # /), not free text",
  );

/**
 * A subject (such as a customer) asked to be forgotten. Recorded before its keys are destroyed, so a request that
 * did not complete stays visible in {@link erasureAudit}.
 *
 * @example
 * ```ts
 * const e = { type: "SubjectErasureRequested", data: { subjectId: "cu-1", requestedAt: "2026-09-01T09:00:00.000Z", reason: "gdpr-art-17" } };
 * ```
 */
export const SubjectErasureRequested = /* @__PURE__ */ defineEvent(
  "SubjectErasureRequested",
  z.strictObject({ subjectId: subjectIdSchema, requestedAt: instantSchema, reason: erasureReasonSchema.optional() }),
);

/**
 * A subject's data keys were destroyed: every personal field encrypted with them now reads as the erased marker.
 * It holds no personal data.
 *
 * @example
 * ```ts
 * const e = { type: "SubjectErased", data: { subjectId: "cu-1", requestedAt: "2026-09-01T09:00:00.000Z", completedAt: "2026-09-01T09:00:01.000Z", keyVersionsDestroyed: 1 } };
 * ```
 */
export const SubjectErased = /* @__PURE__ */ defineEvent(
  "SubjectErased",
  z.strictObject({
    subjectId: subjectIdSchema,
    requestedAt: instantSchema,
    completedAt: instantSchema,
    reason: erasureReasonSchema.optional(),
    keyVersionsDestroyed: z.number().int().min(0),
  }),
);

/**
 * The erasure events. Merge it into the catalog of an erasable store:
 * `createEventCatalog([customerEvents, privacyEvents])`.
 *
 * @example
 * ```ts
 * const catalog = createEventCatalog([customerEvents, privacyEvents]);
 * ```
 */
export const privacyEvents = /* @__PURE__ */ createEventCatalog([SubjectErasureRequested, SubjectErased]);

/**
 * The erasure events.
 *
 * @example
 * ```ts
 * const done = (e: PrivacyEvent) => e.type === "SubjectErased";
 * ```
 */
export type PrivacyEvent = EventOf<typeof SubjectErasureRequested> | EventOf<typeof SubjectErased>;

/**
 * The stream that records a subject's erasure: `privacy-erasure-` followed by the subject id.
 *
 * @param subjectId - The subject, such as a customer id.
 * @returns The stream id.
 * @example
 * ```ts
 * erasureStreamId("cu-1"); // "privacy-erasure-cu-1"
 * ```
 */
export function erasureStreamId(subjectId: string): string {
  return `privacy-erasure-${subjectId}`;
}

/**
 * One subject's line in the erasure audit.
 *
 * @example
 * ```ts
 * const line: ErasureRecord = { subjectId: "cu-1", status: "completed", requestedAt: "2026-09-01T09:00:00.000Z", completedAt: "2026-09-01T09:00:01.000Z", requests: 1, keyVersionsDestroyed: 1 };
 * ```
 */
export interface ErasureRecord {
  subjectId: string;
  /** `requested` until the keys are destroyed, then `completed`. */
  status: "requested" | "completed";
  /** When it was first requested. */
  requestedAt: string;
  /** When the keys were destroyed. */
  completedAt?: string;
  reason?: string;
  /** How many requests were recorded (a retried request counts again). */
  requests: number;
  /** How many data key versions were destroyed. */
  keyVersionsDestroyed?: number;
}

/**
 * The state of {@link erasureAudit}.
 *
 * @example
 * ```ts
 * const pending = Object.values(state.subjects).filter((s) => s.status === "requested");
 * ```
 */
export interface ErasureAuditState {
  /**
   * One line per subject id. A record without a prototype, so that any subject id (`constructor`, `__proto__`…) is
   * a key like any other: read it with `subjects[id]`, `Object.hasOwn`, `Object.keys` or `Object.values`.
   */
  readonly subjects: Record<string, ErasureRecord>;
  /** Requests not completed yet. */
  pending: number;
  /** Completed erasures. */
  completed: number;
}

/**
 * The audit of erasure requests and their completion, per subject: what a data protection officer reports on.
 *
 * @example
 * ```ts
 * const { state } = await rebuildProjection(store, erasureAudit);
 * state.subjects["cu-1"]?.status; // "completed"
 * ```
 */
export const erasureAudit = /* @__PURE__ */ defineProjection({
  name: "erasureAudit",
  events: privacyEvents,
  initialState: (): ErasureAuditState => ({ subjects: noPrototype(), pending: 0, completed: 0 }),
  handlers: {
    SubjectErasureRequested: (s, e) => {
      const d = e.data;
      const subjects = subjectsOf(s);
      const line = Object.hasOwn(subjects, d.subjectId) ? subjects[d.subjectId] : undefined;
      if (line) {
        line.requests += 1;
        return;
      }
      subjects[d.subjectId] = {
        subjectId: d.subjectId,
        status: "requested",
        requestedAt: d.requestedAt,
        ...(d.reason === undefined ? {} : { reason: d.reason }),
        requests: 1,
      };
      s.pending += 1;
    },
    SubjectErased: (s, e) => {
      const d = e.data;
      const subjects = subjectsOf(s);
      let line = Object.hasOwn(subjects, d.subjectId) ? subjects[d.subjectId] : undefined;
      if (!line) {
        line = { subjectId: d.subjectId, status: "requested", requestedAt: d.requestedAt, requests: 1 };
        subjects[d.subjectId] = line;
        s.pending += 1;
      }
      if (line.status === "completed") return;
      line.status = "completed";
      line.completedAt = d.completedAt;
      line.keyVersionsDestroyed = d.keyVersionsDestroyed;
      if (d.reason !== undefined) line.reason = d.reason;
      s.pending -= 1;
      s.completed += 1;
    },
  },
});

const noPrototype = (): Record<string, ErasureRecord> => Object.create(null) as Record<string, ErasureRecord>;

// The lines of the audit, in a record without a prototype: a subject id is then only ever a key of its own, never
// `Object.prototype`'s `constructor` or `__proto__`. A state from elsewhere (restored from JSON) is moved into one.
function subjectsOf(s: ErasureAuditState): Record<string, ErasureRecord> {
  if (Object.getPrototypeOf(s.subjects) === null) return s.subjects;
  const from = isDraft(s.subjects) ? current(s.subjects) : s.subjects;
  const subjects = noPrototype();
  for (const key of Object.keys(from)) subjects[key] = from[key]!;
  (s as { subjects: Record<string, ErasureRecord> }).subjects = subjects;
  return subjects;
}
