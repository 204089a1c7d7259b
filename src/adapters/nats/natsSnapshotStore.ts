import type { NatsConnection } from "@nats-io/transport-node";
import { z } from "zod";
import type { Snapshot, SnapshotStore } from "../../core/decider/snapshotStore.ts";
import { _zodIssues, SalesfoldError, ValidationError, type ValidationIssue } from "../../core/errors/index.ts";
import { frozenJson, tenantIdSchema } from "../../core/events/index.ts";
import { streamToken } from "./natsLayout.ts";
import { ensureStream, getMessage, isWrongLastSequence, openClients, wrap } from "./natsLog.ts";
import { natsConnectionSchema, natsSettingsShape } from "./natsOptions.ts";

/**
 * Options of {@link createNatsSnapshotStore}. Give either `connection` (left open) or `servers` (closed by `close()`).
 *
 * @example
 * ```ts
 * const options: NatsSnapshotStoreOptions = { connection: nc, tenantId: "acme", bucket: "salesfold_snapshots" };
 * ```
 */
export interface NatsSnapshotStoreOptions {
  /** An open NATS connection to use; never closed by the store. */
  readonly connection?: NatsConnection;
  /** Servers to connect to when no `connection` is given; `nats://127.0.0.1:4222` when neither is. */
  readonly servers?: string | readonly string[];
  /** The tenant whose snapshots this handle reads and writes; `default` when omitted. */
  readonly tenantId?: string;
  /** The KV bucket (1-64 letters, digits, `_`, `-`); `salesfold_snapshots` by default. */
  readonly bucket?: string;
  /** Replicas of the bucket when the store creates it (1-5); 1 by default. */
  readonly replicas?: number;
  /** `file` (default) or `memory` storage for the bucket when the store creates it. */
  readonly storage?: "file" | "memory";
}

/**
 * A {@link SnapshotStore} on a NATS KV bucket, with `close()` to release the connection it opened.
 *
 * @example
 * ```ts
 * const snapshots: NatsSnapshotStore = await createNatsSnapshotStore({ connection: nc, tenantId: "acme" });
 * await snapshots.close();
 * ```
 */
export interface NatsSnapshotStore extends SnapshotStore {
  /** Drains the connection if the store opened it; a given connection is left open. */
  close(): Promise<void>;
}

const optionsSchema = z.strictObject({
  connection: natsConnectionSchema.optional(),
  tenantId: tenantIdSchema.optional(),
  bucket: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "a bucket name is 1-64 letters, digits, '_' or '-'" })
    .optional(),
  ...natsSettingsShape,
});

const snapshotSchema = z.strictObject({
  deciderName: z.string(),
  streamId: z.string(),
  snapshot: z.strictObject({
    state: z.unknown(),
    streamVersion: z.number().int().min(0),
    deciderVersion: z.string(),
  }),
});

const API = "NatsSnapshotStore";

/**
 * Creates a snapshot store on a NATS KV bucket (a JetStream stream `KV_<bucket>` that the `nats kv` tools can read).
 * Keys are `<tenant>.<decider>.<stream>` with the decider name and stream id encoded as single tokens; the value is
 * JSON holding both names, checked on load. A save never replaces a newer snapshot of the same decider version, and
 * uses the key's last sequence as a compare-and-set, so racing saves cannot regress it.
 *
 * @param options - The connection or servers, tenant, bucket, replicas and storage.
 * @returns A {@link NatsSnapshotStore}.
 * @throws {@link ValidationError} for invalid options.
 * @throws {@link SalesfoldError} `invalid_state` when NATS cannot be reached.
 * @example
 * ```ts
 * import { createNatsSnapshotStore } from "salesfold/nats";
 * const snapshots = await createNatsSnapshotStore({ connection: nc, tenantId: "acme" });
 * const handler = createCommandHandler({ store, decider, commands, snapshots: { store: snapshots, every: 100 } });
 * ```
 */
export async function createNatsSnapshotStore(options: NatsSnapshotStoreOptions = {}): Promise<NatsSnapshotStore> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success || (options.connection !== undefined && options.servers !== undefined)) {
    throw new ValidationError("createNatsSnapshotStore", [
      ...(parsed.success ? [] : _zodIssues(parsed.error.issues)),
      ...(options?.connection !== undefined && options?.servers !== undefined
        ? [{ code: "exclusive", path: ["servers"], message: "give either connection or servers, not both" }]
        : []),
    ]);
  }
  const tenantId = options.tenantId ?? "default";
  const bucket = options.bucket ?? "salesfold_snapshots";
  const clients = await openClients("createNatsSnapshotStore", options.connection, options.servers);
  const { nc, js, jsm } = clients;
  const stream = `KV_${bucket}`;
  try {
    await ensureStream(
      "createNatsSnapshotStore",
      jsm,
      { replicas: options.replicas ?? 1, storage: options.storage ?? "file", duplicateWindowMs: 120_000 },
      {
        name: stream,
        subjects: [`$KV.${bucket}.>`],
        max_msgs_per_subject: 1,
        allow_rollup_hdrs: true,
        allow_direct: true,
      },
    );
  } catch (error) {
    if (clients.owned) await nc.close();
    throw error;
  }
  const subjectOf = (decider: string, streamId: string) =>
    `$KV.${bucket}.${tenantId}.${Buffer.from(decider, "utf8").toString("base64url") || "_"}.${streamToken(streamId)}`;

  const read = async (api: string, deciderName: string, streamId: string) => {
    const msg = await getMessage(jsm, stream, { last_by_subj: subjectOf(deciderName, streamId) });
    if (msg === null) return { seq: 0, snapshot: undefined };
    let raw: unknown;
    try {
      raw = msg.json();
    } catch (error) {
      throw new SalesfoldError("invalid_state", `${api}: snapshot ${msg.subject} is not JSON`, { cause: error });
    }
    const value = snapshotSchema.safeParse(raw);
    if (!value.success) throw new SalesfoldError("invalid_state", `${api}: snapshot ${msg.subject} is malformed`);
    // A hashed key could be shared by two streams: the value names its own, and a stranger's is not ours.
    if (value.data.deciderName !== deciderName || value.data.streamId !== streamId)
      return { seq: msg.seq, snapshot: undefined };
    return { seq: msg.seq, snapshot: value.data.snapshot as Snapshot<unknown> };
  };

  return Object.freeze({
    async load<S>(deciderName: string, streamId: string): Promise<Snapshot<S> | undefined> {
      const api = `${API}.load`;
      assertNames(api, deciderName, streamId);
      try {
        const { snapshot } = await read(api, deciderName, streamId);
        return snapshot === undefined ? undefined : (Object.freeze({ ...snapshot }) as Snapshot<S>);
      } catch (error) {
        throw wrap(api, error);
      }
    },
    async save<S>(deciderName: string, streamId: string, snapshot: Snapshot<S>): Promise<void> {
      const api = `${API}.save`;
      assertNames(api, deciderName, streamId);
      const issues: ValidationIssue[] = [];
      const state = frozenJson(snapshot?.state, ["snapshot", "state"], issues);
      if (!Number.isSafeInteger(snapshot?.streamVersion) || snapshot.streamVersion < 0)
        issues.push({ code: "invalid_type", path: ["snapshot", "streamVersion"], message: "a non-negative integer" });
      if (typeof snapshot?.deciderVersion !== "string")
        issues.push({ code: "invalid_type", path: ["snapshot", "deciderVersion"], message: "a string" });
      if (issues.length > 0 || state === undefined) throw new ValidationError(api, issues);
      const body = JSON.stringify({
        deciderName,
        streamId,
        snapshot: { state, streamVersion: snapshot.streamVersion, deciderVersion: snapshot.deciderVersion },
      });
      try {
        for (let attempt = 0; attempt < 10; attempt++) {
          const existing = await read(api, deciderName, streamId);
          const old = existing.snapshot;
          if (old && old.deciderVersion === snapshot.deciderVersion && old.streamVersion >= snapshot.streamVersion)
            return;
          try {
            await js.publish(subjectOf(deciderName, streamId), body, {
              expect: { lastSubjectSequence: existing.seq },
            });
            return;
          } catch (error) {
            if (!isWrongLastSequence(error)) throw error;
          }
        }
        throw new SalesfoldError("invalid_state", `${api}: the snapshot kept changing under concurrent saves`);
      } catch (error) {
        throw wrap(api, error);
      }
    },
    async close() {
      if (clients.owned && !nc.isClosed()) await nc.drain();
    },
  });
}

function assertNames(api: string, deciderName: unknown, streamId: unknown): void {
  const issues: ValidationIssue[] = [];
  if (typeof deciderName !== "string" || deciderName.length === 0 || deciderName.length > 200)
    issues.push({ code: "invalid_type", path: ["deciderName"], message: "a decider name is 1-200 characters" });
  if (typeof streamId !== "string" || streamId.length === 0 || streamId.length > 1000 || streamId.includes("\u0000"))
    issues.push({ code: "invalid_type", path: ["streamId"], message: "a stream id is 1-1000 characters, no NUL" });
  if (issues.length > 0) throw new ValidationError(api, issues);
}
