import { z } from "zod";
import {
  _zodIssues,
  ConcurrencyError,
  isConcurrencyError,
  ValidationError,
  type ValidationIssue,
} from "../errors/index.ts";
import { type AnyEvent, type EventEnvelope, type EventInput, streamIdSchema } from "../events/index.ts";
import type { EventStore, ExpectedVersion } from "../eventStore/eventStore.ts";
import { expectedVersionSchema } from "../eventStore/expectedVersion.ts";
import { type Clock, systemClock } from "../runtime/clock.ts";
import { type IdGenerator, randomId } from "../runtime/ids.ts";
import { orderedIds } from "../runtime/orderedIds.ts";
import type { DecisionContext, Decider } from "./decider.ts";
import type { SnapshotStore } from "./snapshotStore.ts";

/**
 * Options of {@link createCommandHandler}.
 *
 * @example
 * ```ts
 * const options: CommandHandlerOptions<Cmd, Evt, State> = { store, decider, commands: commandSchema, maxRetries: 5 };
 * ```
 */
export interface CommandHandlerOptions<C, E extends AnyEvent, S> {
  /** The store the decider's streams live in. */
  readonly store: EventStore<any>;
  /** The domain logic. */
  readonly decider: Decider<C, E, S>;
  /** The zod schema of the commands: every command is validated with it before anything else happens. */
  readonly commands: z.ZodType<C>;
  /** Where `context.now` comes from; the wall clock by default. */
  readonly clock?: Clock;
  /**
   * Where `context.newId()` and event ids come from. By default, `context.newId()` gives random nanoids
   * ({@link randomId}) and event ids come from one {@link orderedIds} generator per handler, so that a store's
   * event-id index grows at its end instead of at a random page per event.
   */
  readonly ids?: IdGenerator;
  /** How many times a concurrency conflict is retried (reload, decide again, append) before it is thrown; 3 by default. */
  readonly maxRetries?: number;
  /**
   * Snapshots for long streams: loaded before reading the stream, saved every `every` events (100 by default).
   * A snapshot is only an optimisation, so a failure to save one never fails a command whose events are stored:
   * it is passed to `onError` (ignored by default) and the next command tries again.
   */
  readonly snapshots?: {
    readonly store: SnapshotStore;
    readonly every?: number;
    readonly onError?: (error: unknown) => void;
  };
}

/**
 * Per-command options of {@link CommandHandler.handle}.
 *
 * @example
 * ```ts
 * await handler.handle("deal-1", command, { actor: "user:ana", correlationId: request.id });
 * ```
 */
export interface HandleOptions {
  /** Who issued the command: passed to `decide` and stored in each event's metadata. */
  readonly actor?: string;
  /** Stored in each event's metadata; a new id by default. */
  readonly correlationId?: string;
  /** Stored in each event's metadata, typically the command's own id. */
  readonly causationId?: string;
  /**
   * The version the caller saw (an ETag). When given, a conflict is not retried: it surfaces at once, because the
   * caller's decision was based on that version.
   */
  readonly expectedVersion?: ExpectedVersion;
}

/**
 * What {@link CommandHandler.handle} returns.
 *
 * @example
 * ```ts
 * const { events, state, nextExpectedVersion } = await handler.handle("deal-1", command);
 * ```
 */
export interface HandleResult<E extends AnyEvent, S> {
  readonly streamId: string;
  /** The events stored, in order; empty when the command changed nothing. */
  readonly events: readonly EventEnvelope<E>[];
  /** The stream's state after the command. */
  readonly state: S;
  /** The stream's version after the command. */
  readonly nextExpectedVersion: number;
  /** How many times the command was decided: 1 unless a conflict was retried. */
  readonly attempts: number;
}

/**
 * Runs commands against a decider: validate, load, decide, append with the expected version, retry on conflict.
 *
 * @example
 * ```ts
 * const result = await handler.handle("deal-1", { type: "WinDeal", data: { reason: "price" } }, { actor: "ana" });
 * ```
 */
export interface CommandHandler<C, E extends AnyEvent, S> {
  /**
   * Handles one command on one stream.
   *
   * @throws {@link ValidationError} for an invalid command, stream id or options: nothing is written.
   * @throws {@link DomainRuleError} when the decider refuses: nothing is written.
   * @throws {@link ConcurrencyError} when conflicts outlast the retries, or at once with an explicit expectedVersion.
   */
  handle(streamId: string, command: C, options?: HandleOptions): Promise<HandleResult<E, S>>;
  /** Loads a stream's current state and version without deciding anything. */
  load(streamId: string): Promise<{ readonly state: S; readonly version: number }>;
}

const handleOptionsSchema = z
  .strictObject({
    actor: z.string().min(1).max(256).optional(),
    correlationId: z.string().min(1).max(256).optional(),
    causationId: z.string().min(1).max(256).optional(),
    expectedVersion: expectedVersionSchema.optional(),
  })
  .optional();

/**
 * Creates the shell around a decider: the only place that reads the clock, makes ids and talks to the store.
 *
 * @param options - The store, decider, command schema, clock, ids, retries and snapshots.
 * @returns A {@link CommandHandler}.
 * @throws {@link ValidationError} for invalid options.
 * @example
 * ```ts
 * import { createCommandHandler } from "salesfold";
 * const handler = createCommandHandler({ store, decider: dealDecider, commands: dealCommandSchema });
 * await handler.handle("deal-1", { type: "OpenDeal", data: { name: "Acme renewal" } }, { actor: "user:ana" });
 * ```
 */
export function createCommandHandler<C, E extends AnyEvent, S>(
  options: CommandHandlerOptions<C, E, S>,
): CommandHandler<C, E, S> {
  const { store, decider, commands } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomId;
  const eventIds = options.ids ?? orderedIds();
  const maxRetries = options.maxRetries ?? 3;
  const every = options.snapshots?.every ?? 100;
  const api = `CommandHandler(${decider?.name ?? "?"})`;
  const problems: ValidationIssue[] = [];
  if (!store || typeof store.append !== "function")
    problems.push({ code: "invalid_type", path: ["store"], message: "store is an EventStore" });
  if (!decider || typeof decider.decide !== "function" || typeof decider.evolve !== "function") {
    problems.push({ code: "invalid_type", path: ["decider"], message: "decider has initialState, evolve and decide" });
  }
  if (!commands || typeof (commands as z.ZodType).safeParse !== "function") {
    problems.push({ code: "invalid_type", path: ["commands"], message: "commands is a zod schema" });
  }
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0)
    problems.push({ code: "too_small", path: ["maxRetries"], message: "maxRetries is a non-negative integer" });
  if (!Number.isSafeInteger(every) || every < 1)
    problems.push({ code: "too_small", path: ["snapshots", "every"], message: "every is a positive integer" });
  if (problems.length > 0) throw new ValidationError("createCommandHandler", problems);
  const deciderVersion = decider.version ?? "1";

  const load = async (streamId: string) => {
    let state = decider.initialState();
    let version = 0;
    if (options.snapshots) {
      const snap = await options.snapshots.store.load<S>(decider.name, streamId);
      if (snap && snap.deciderVersion === deciderVersion) {
        state = snap.state;
        version = snap.streamVersion;
      }
    }
    const { events, currentVersion } = await store.readStream(streamId, { fromVersion: version + 1 });
    for (const e of events) state = decider.evolve(state, e as unknown as E);
    return { state, version: Math.max(version, currentVersion), snapshotVersion: version };
  };

  const handle = async (streamId: string, command: C, handleOptions?: HandleOptions): Promise<HandleResult<E, S>> => {
    const issues: ValidationIssue[] = [];
    const sid = streamIdSchema.safeParse(streamId);
    if (!sid.success) issues.push(..._zodIssues(sid.error.issues, ["streamId"]));
    const cmd = commands.safeParse(command);
    if (!cmd.success) issues.push(..._zodIssues(cmd.error.issues, ["command"]));
    const opts = handleOptionsSchema.safeParse(handleOptions);
    if (!opts.success) issues.push(..._zodIssues(opts.error.issues, ["options"]));
    if (issues.length > 0) throw new ValidationError(`${api}.handle`, issues);
    const o = opts.data ?? {};
    const correlationId = o.correlationId ?? ids();
    const metadata = { actor: o.actor, correlationId, causationId: o.causationId };

    for (let attempt = 1; ; attempt++) {
      const loaded = await load(streamId);
      if (
        o.expectedVersion !== undefined &&
        typeof o.expectedVersion === "number" &&
        o.expectedVersion !== loaded.version
      ) {
        // The caller decided on a version that is gone: fail before deciding on a state it never saw.
        throw new ConcurrencyError(streamId, o.expectedVersion, loaded.version);
      }
      const now = clock.now();
      const context: DecisionContext = { now, actor: o.actor, newId: ids };
      const decided = decider.decide(cmd.data as C, loaded.state, context);
      const list: readonly E[] = Array.isArray(decided) ? decided : [decided as E];
      if (list.length === 0) {
        return { streamId, events: [], state: loaded.state, nextExpectedVersion: loaded.version, attempts: attempt };
      }
      const inputs = list.map(
        (e) =>
          ({ type: e.type, data: e.data, eventId: eventIds(), occurredAt: now, metadata }) as unknown as EventInput,
      );
      try {
        const result = await store.append(streamId, inputs, { expectedVersion: o.expectedVersion ?? loaded.version });
        let state = loaded.state;
        for (const e of result.events) state = decider.evolve(state, e as unknown as E);
        if (options.snapshots && result.nextExpectedVersion - loaded.snapshotVersion >= every) {
          try {
            await options.snapshots.store.save(decider.name, streamId, {
              state,
              streamVersion: result.nextExpectedVersion,
              deciderVersion,
            });
          } catch (error) {
            options.snapshots.onError?.(error);
          }
        }
        return {
          streamId,
          events: result.events as readonly EventEnvelope<E>[],
          state,
          nextExpectedVersion: result.nextExpectedVersion,
          attempts: attempt,
        };
      } catch (error) {
        if (!isConcurrencyError(error) || o.expectedVersion !== undefined || attempt > maxRetries) throw error;
      }
    }
  };

  return Object.freeze({
    handle,
    load: async (streamId: string) => {
      const { state, version } = await load(streamId);
      return { state, version };
    },
  });
}
