import { SalesfoldError, ValidationError, type ValidationIssue } from "../errors/index.ts";
import type { EventEnvelope, EventInput, JsonValue, PreparedEvent } from "../events/index.ts";
import type { EventStore } from "../eventStore/index.ts";
import type { KeySession } from "./keyRing.ts";
import { subjectIdSchema } from "./keyStore.ts";
import { _personalSteps, type CatalogPersonalFields, ERASED, type PersonalFields } from "./personalFields.ts";
import { replacePersonalLeaves } from "./personalValues.ts";
import { type FieldKeys, open, parseSealed, type SealedParts, seal } from "./sealing.ts";

/**
 * Names the subject of an event's personal data: a map from event type to the dotted path of the subject id in its
 * data (such as `{ CustomerRegistered: "customerId" }`), or a function of the event. Types missing from the map
 * use the field marked with `personalSubject()`.
 *
 * @example
 * ```ts
 * const subjectOf: SubjectOf = { CustomerRegistered: "customerId", CustomerNoteAdded: "customerId" };
 * const byStream: SubjectOf = (event) => event.streamId.replace(/^customer-/, "");
 * ```
 */
export type SubjectOf =
  | Readonly<Record<string, string>>
  | ((event: { readonly type: string; readonly data: unknown; readonly streamId: string }) => string | undefined);

/** @internal Finds the subject of an event with personal data; `undefined` when it has none. */
export type SubjectResolver = (event: PreparedEvent, streamId: string, index: number) => string;

/** @internal Builds the subject resolver of a catalog, checking that every personal event type has a subject. */
export function subjectResolver(
  api: string,
  fields: CatalogPersonalFields,
  subjectOf: SubjectOf | undefined,
): SubjectResolver {
  if (typeof subjectOf === "function") {
    return (event, streamId, index) => {
      const subject = subjectOf({ type: event.type, data: event.data, streamId });
      return checkedSubject(api, subject, [index, "subject"]);
    };
  }
  const paths = new Map<string, readonly string[]>();
  const issues: ValidationIssue[] = [];
  for (const [type, versions] of fields) {
    const given = subjectOf?.[type];
    if (typeof given === "string" && given.length > 0) {
      paths.set(type, given.split("."));
      continue;
    }
    const marked = [...versions.values()].at(-1)?.subjectPaths ?? [];
    if (marked.length === 1 && !marked[0]!.includes("*")) paths.set(type, marked[0]!);
    else
      issues.push({
        code: "missing_subject",
        path: ["subjectOf", type],
        message: `${type} has personal fields: name the field holding its subject id, in subjectOf or with personalSubject()`,
      });
  }
  if (issues.length > 0) throw new ValidationError(api, issues);
  return (event, _streamId, index) => {
    const path = paths.get(event.type)!;
    let value: unknown = event.data;
    for (const key of path) {
      value =
        value !== null && typeof value === "object" && Object.hasOwn(value, key)
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    return checkedSubject(api, value, [index, "data", ...path]);
  };
}

function checkedSubject(api: string, subject: unknown, path: PropertyKey[]): string {
  const parsed = subjectIdSchema.safeParse(subject);
  if (!parsed.success) {
    throw new ValidationError(api, [
      {
        code: "missing_subject",
        path: ["events", ...path],
        message: `an event with personal data names its subject: ${parsed.error.issues[0]?.message ?? "a subject id"}`,
      },
    ]);
  }
  return parsed.data;
}

function leavesOf(data: JsonValue, fields: PersonalFields): string[] {
  const leaves: string[] = [];
  replacePersonalLeaves(
    data,
    _personalSteps(fields),
    (value) => {
      leaves.push(value);
      return value;
    },
    false,
  );
  return leaves;
}

/**
 * @internal Encrypts the personal fields of validated events; returns the inputs to append to the store below. Each
 * event is sealed with its subject's newest data key, or with the key version `keyVersions` names for it (to seal
 * a replay exactly as the stored event was sealed).
 */
export async function sealEvents(
  events: readonly PreparedEvent[],
  streamId: string,
  fields: CatalogPersonalFields,
  resolve: SubjectResolver,
  session: KeySession,
  keyVersions?: ReadonlyMap<number, number>,
): Promise<EventInput[]> {
  const work: { at: number; fields: PersonalFields; leaves: string[]; subject: string }[] = [];
  const index: (number | undefined)[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const f = fields.get(e.type)?.get(e.metadata.schemaVersion);
    if (f === undefined) continue;
    const leaves = leavesOf(e.data, f);
    // Only the erased marker (or nothing) in the personal fields: there is nothing to protect, and no key is needed.
    if (leaves.every((l) => l === ERASED)) continue;
    index[i] = work.length;
    work.push({ at: i, fields: f, leaves, subject: resolve(e, streamId, i) });
  }
  if (work.length > 0) await session.preload(work.map((w) => w.subject));
  const keysFor = async (at: number, subject: string): Promise<FieldKeys> => {
    const version = keyVersions?.get(at);
    if (version === undefined) return session.forSeal(subject);
    const keys = await session.forOpen(subject, version);
    // Erased meanwhile: forSeal says so.
    return keys === "erased" ? session.forSeal(subject) : keys;
  };
  const sealed = await Promise.all(
    work.map(async (w) => {
      const keys = await keysFor(w.at, w.subject);
      const eventId = events[w.at]!.eventId;
      return Promise.all(
        w.leaves.map((leaf, n) =>
          leaf === ERASED
            ? leaf
            : seal(keys, w.subject, leaf, eventId === undefined ? undefined : `${eventId}\u0000${n}`),
        ),
      );
    }),
  );
  return events.map((e, i) => {
    const k = index[i];
    const data =
      k === undefined
        ? e.data
        : replacePersonalLeaves(e.data, _personalSteps(work[k]!.fields), (_v, n) => sealed[k]![n]!, false);
    return {
      type: e.type,
      data,
      metadata: e.metadata,
      ...(e.eventId === undefined ? {} : { eventId: e.eventId }),
      ...(e.occurredAt === undefined ? {} : { occurredAt: e.occurredAt }),
    } as EventInput;
  });
}

// The data key version the sealed personal fields of an event were sealed with; `undefined` when it has none.
function sealedKeyVersion(
  event: { readonly type: string; readonly data: unknown; readonly metadata: { readonly schemaVersion: number } },
  fields: CatalogPersonalFields,
): number | undefined {
  const f = fields.get(event.type)?.get(event.metadata.schemaVersion);
  if (f === undefined) return undefined;
  for (const leaf of leavesOf(event.data as JsonValue, f)) {
    const parts = parseSealed(leaf);
    if (parts !== undefined) return parts.keyVersion;
  }
  return undefined;
}

const REPLAY_PAGE = 256;

/**
 * @internal For an append the store below refused as an idempotency conflict: it may be a replay sealed with a newer
 * data key than the original (the subject's key was rotated in between). Returns the key versions the stored events
 * used, by index in the batch, to seal it again exactly as it was stored; `undefined` when the events are not all in
 * the stream, or were sealed with these versions already: then the conflict is real.
 */
export async function storedKeyVersions(
  store: Pick<EventStore<any>, "readStream">,
  streamId: string,
  events: readonly PreparedEvent[],
  sealed: readonly EventInput[],
  fields: CatalogPersonalFields,
): Promise<Map<number, number> | undefined> {
  const wanted = new Map<string, number>();
  for (let i = 0; i < events.length; i++) {
    const id = events[i]!.eventId;
    if (id === undefined) return undefined;
    wanted.set(id, i);
  }
  const found = new Map<number, EventEnvelope>();
  // Newest first, a page at a time: a retry is about recent events. Stop once every id is found.
  let from: number | undefined;
  while (found.size < wanted.size) {
    const page = await store.readStream(streamId, {
      direction: "backwards",
      maxCount: REPLAY_PAGE,
      ...(from === undefined ? {} : { fromVersion: from }),
    });
    for (const e of page.events) {
      const i = wanted.get(e.eventId);
      if (i !== undefined) found.set(i, e);
    }
    const last = page.events.at(-1);
    if (last === undefined || last.streamVersion <= 1) break;
    from = last.streamVersion - 1;
  }
  if (found.size < wanted.size) return undefined;
  const versions = new Map<number, number>();
  let differs = false;
  for (const [i, stored] of found) {
    const version = sealedKeyVersion(stored, fields);
    if (version === undefined) continue;
    versions.set(i, version);
    const used = sealedKeyVersion(sealed[i] as PreparedEvent, fields);
    if (used !== undefined && used !== version) differs = true;
  }
  return differs ? versions : undefined;
}

/**
 * @internal Decrypts the personal fields of stored envelopes: the text for a subject with keys, the erased marker for
 * an erased one. Envelopes without sealed fields come back as they are. A sealed value opens only in an event of the
 * subject it was sealed for: found in another subject's event (copied there), it fails like an altered one.
 */
export async function openEvents<T extends EventEnvelope>(
  api: string,
  envelopes: readonly T[],
  fields: CatalogPersonalFields,
  resolve: SubjectResolver,
  session: KeySession,
): Promise<T[]> {
  const work: { at: number; fields: PersonalFields; leaves: (string | SealedParts)[] }[] = [];
  const subjects = new Set<string>();
  for (let i = 0; i < envelopes.length; i++) {
    const e = envelopes[i]!;
    const f = fields.get(e.type)?.get(e.metadata.schemaVersion);
    if (f === undefined) continue;
    let any = false;
    const leaves = leavesOf(e.data as JsonValue, f).map((leaf) => {
      const parts = parseSealed(leaf);
      if (parts === undefined) return leaf;
      any = true;
      return parts;
    });
    if (!any) continue;
    const subject = subjectOfStored(api, e, f, i, resolve);
    for (const leaf of leaves) {
      if (typeof leaf !== "string" && leaf.subjectId !== subject) {
        throw new SalesfoldError(
          "invalid_state",
          `${api}: a personal field of event ${e.eventId} (${e.streamId}@${e.streamVersion}) cannot be decrypted: it was sealed for another subject than the event's`,
        );
      }
    }
    subjects.add(subject);
    work.push({ at: i, fields: f, leaves });
  }
  if (work.length === 0) return envelopes as T[];
  await session.preload(subjects);
  const out = envelopes.slice();
  await Promise.all(
    work.map(async (w) => {
      const e = envelopes[w.at]!;
      const plain = await Promise.all(
        w.leaves.map(async (leaf) => {
          if (typeof leaf === "string") return leaf;
          const keys = await session.forOpen(leaf.subjectId, leaf.keyVersion);
          if (keys === "erased") return ERASED;
          try {
            return await open(keys, leaf);
          } catch (error) {
            throw new SalesfoldError(
              "invalid_state",
              `${api}: a personal field of event ${e.eventId} (${e.streamId}@${e.streamVersion}) cannot be decrypted: it was altered, or sealed with another key`,
              { cause: error },
            );
          }
        }),
      );
      const data = replacePersonalLeaves(e.data as JsonValue, _personalSteps(w.fields), (_v, n) => plain[n]!, true);
      out[w.at] = Object.freeze({ ...e, data }) as T;
    }),
  );
  return out;
}

// The subject a stored event names, as its append did; an event that names none cannot hold sealed values. A subject
// field that is itself personal is sealed: it names the subject it was sealed for.
function subjectOfStored(
  api: string,
  e: EventEnvelope,
  fields: PersonalFields,
  index: number,
  resolve: SubjectResolver,
): string {
  const data = replacePersonalLeaves(
    e.data as JsonValue,
    _personalSteps(fields),
    (leaf) => parseSealed(leaf)?.subjectId ?? leaf,
    false,
  );
  try {
    return resolve({ ...e, data } as unknown as PreparedEvent, e.streamId, index);
  } catch (error) {
    throw new SalesfoldError(
      "invalid_state",
      `${api}: event ${e.eventId} (${e.streamId}@${e.streamVersion}) holds sealed personal fields but names no subject`,
      { cause: error },
    );
  }
}
