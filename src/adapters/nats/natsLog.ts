import {
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type MsgRequest,
  RetentionPolicy,
  type StoredMsg,
  type StreamConfig,
  StorageType,
} from "@nats-io/jetstream";
import { connect, type NatsConnection, nanos } from "@nats-io/transport-node";
import { isSalesfoldError, SalesfoldError } from "../../core/errors/index.ts";

/** @internal The clients a store or snapshot store works through, and whether it opened the connection itself. */
export interface NatsClients {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  /** Whether the store opened `nc` (and so drains it on close). */
  readonly owned: boolean;
}

/** @internal How the stores' JetStream streams are provisioned. */
export interface StreamSettings {
  readonly replicas: number;
  readonly storage: "file" | "memory";
  readonly duplicateWindowMs: number;
}

/** @internal Uses the caller's connection, or opens one to `servers` (left open / drained on close accordingly). */
export async function openClients(
  api: string,
  connection: NatsConnection | undefined,
  servers: string | readonly string[] | undefined,
): Promise<NatsClients> {
  let nc = connection;
  let owned = false;
  if (nc === undefined) {
    try {
      nc = await connect({
        servers: typeof servers === "string" ? servers : [...(servers ?? ["nats://127.0.0.1:4222"])],
      });
    } catch (error) {
      throw new SalesfoldError("invalid_state", `${api}: cannot connect to NATS: ${describe(error)}`, { cause: error });
    }
    owned = true;
  }
  try {
    const jsm = await jetstreamManager(nc);
    return { nc, js: jetstream(nc), jsm, owned };
  } catch (error) {
    if (owned) await nc.close();
    throw new SalesfoldError("invalid_state", `${api}: JetStream is not available: ${describe(error)}`, {
      cause: error,
    });
  }
}

/**
 * @internal Creates the stream unless it exists. An existing stream must capture exactly the expected subjects,
 * else it belongs to something else and the store refuses it rather than mixing data. Its other settings (replicas,
 * limits) are left as the operator set them.
 */
export async function ensureStream(
  api: string,
  jsm: JetStreamManager,
  settings: StreamSettings,
  config: Partial<StreamConfig> & { name: string; subjects: string[] },
): Promise<void> {
  const full: Partial<StreamConfig> & { name: string } = {
    retention: RetentionPolicy.Limits,
    storage: settings.storage === "memory" ? StorageType.Memory : StorageType.File,
    num_replicas: settings.replicas,
    duplicate_window: nanos(settings.duplicateWindowMs),
    discard: DiscardPolicy.New,
    max_msgs: -1,
    max_bytes: -1,
    max_age: 0,
    deny_delete: true,
    ...config,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const info = await jsm.streams.info(config.name);
      const subjects = [...(info.config.subjects ?? [])].sort();
      if (JSON.stringify(subjects) !== JSON.stringify([...config.subjects].sort())) {
        throw new SalesfoldError(
          "invalid_state",
          `${api}: the JetStream stream ${config.name} exists with subjects ${JSON.stringify(subjects)}, not ${JSON.stringify(config.subjects)}`,
        );
      }
      return;
    } catch (error) {
      if (!isApiError(error, JetStreamApiCodes.StreamNotFound) || attempt > 2) throw wrap(api, error);
    }
    try {
      await jsm.streams.add(full);
      return;
    } catch (error) {
      // Another handle may have created it meanwhile: look again.
      if (attempt > 2) throw wrap(api, error);
    }
  }
}

/** @internal Reads one message through the stream leader (never a possibly stale replica); `null` when absent. */
export async function getMessage(jsm: JetStreamManager, stream: string, query: MsgRequest): Promise<StoredMsg | null> {
  try {
    return await jsm.streams.getMessage(stream, query);
  } catch (error) {
    if (isApiError(error, JetStreamApiCodes.NoMessageFound)) return null;
    throw error;
  }
}

/** @internal How many message reads are in flight at once. */
export const READ_WINDOW = 128;

/**
 * @internal Reads the messages with sequences `from..to` (inclusive) in order, `READ_WINDOW` requests in flight at a
 * time. Every message of an events stream is a batch, so sequences are read directly; a missing one is skipped.
 */
export async function* readSequences(
  jsm: JetStreamManager,
  stream: string,
  from: number,
  to: number,
): AsyncGenerator<StoredMsg> {
  for (let start = from; start <= to; start += READ_WINDOW) {
    const end = Math.min(to, start + READ_WINDOW - 1);
    const window: Promise<StoredMsg | null>[] = [];
    for (let seq = start; seq <= end; seq++) window.push(getMessage(jsm, stream, { seq }));
    for (const msg of await Promise.all(window)) if (msg !== null) yield msg;
  }
}

/** @internal Whether an error is a JetStream API error with this code. */
export function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/** @internal Whether a publish was refused because the subject's last sequence moved. */
export const isWrongLastSequence = (error: unknown): boolean =>
  isApiError(error, JetStreamApiCodes.StreamWrongLastSequence);

/** @internal Wraps a transport error in a salesfold error that names the API; salesfold errors pass through. */
export function wrap(api: string, error: unknown): Error {
  if (isSalesfoldError(error)) return error;
  return new SalesfoldError("invalid_state", `${api}: NATS failed: ${describe(error)}`, { cause: error });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
