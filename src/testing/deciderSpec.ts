import type { z } from "zod";
import type { DecisionContext, Decider } from "../core/decider/index.ts";
import { _zodIssues, isSalesfoldError, ValidationError } from "../core/errors/index.ts";
import type { AnyEvent } from "../core/events/index.ts";
import { sequentialIds } from "../core/runtime/index.ts";

/**
 * Options of {@link deciderSpec}.
 *
 * @example
 * ```ts
 * const options: DeciderSpecOptions<Cmd> = { commands: commandSchema, now: "2026-07-01T09:00:00.000Z", actor: "user:ana" };
 * ```
 */
export interface DeciderSpecOptions<C> {
  /** When given, each command is validated with it first, as the command handler would. */
  readonly commands?: z.ZodType<C>;
  /** The decision time; `2026-01-01T00:00:00.000Z` by default. */
  readonly now?: string;
  /** The actor; `test` by default. */
  readonly actor?: string;
  /** A prefix for the sequential ids `context.newId()` returns; `id` by default. */
  readonly idPrefix?: string;
}

/**
 * The last step of a spec: state what the command must produce.
 *
 * @example
 * ```ts
 * spec.given([]).when(command).then([{ type: "DealOpened", data }]);
 * ```
 */
export interface DeciderSpecThen<E extends AnyEvent> {
  /**
   * Asserts the events the command produces (compared by type and data, in order), or, given a string, that the
   * command is refused with that rule (for a `DomainRuleError`) or that error code.
   *
   * @throws An `Error` describing the difference.
   */
  then(expected: readonly E[] | string): void;
  /** Asserts the command is refused, and returns the error for further checks. */
  thenThrows(expected?: string | ((error: unknown) => boolean)): unknown;
}

/**
 * A given/when/then specification of a decider.
 *
 * @example
 * ```ts
 * deciderSpec(dealDecider).given([opened]).when(winCommand).then([won]);
 * ```
 */
export interface DeciderSpec<C, E extends AnyEvent> {
  /** The events already in the stream. */
  given(events: readonly E[]): { when(command: C): DeciderSpecThen<E> };
}

/**
 * Builds given/when/then tests for a decider, with a fixed time, actor and sequential ids, so that every spec is
 * deterministic. It uses no test runner: a failed expectation throws.
 *
 * @param decider - The decider under test.
 * @param options - The command schema, time, actor and id prefix.
 * @returns A spec builder.
 * @example
 * ```ts
 * import { deciderSpec } from "salesfold/testing";
 * it("refuses to win a lost deal", () => {
 *   deciderSpec(dealDecider).given([opened, lost]).when({ type: "WinDeal", data: {} }).then("deal_already_closed");
 * });
 * ```
 */
export function deciderSpec<C, E extends AnyEvent, S>(
  decider: Decider<C, E, S>,
  options: DeciderSpecOptions<C> = {},
): DeciderSpec<C, E> {
  const run = (given: readonly E[], command: C): readonly E[] => {
    let cmd = command;
    if (options.commands) {
      const parsed = options.commands.safeParse(command);
      if (!parsed.success) {
        throw new ValidationError(`deciderSpec(${decider.name})`, _zodIssues(parsed.error.issues, ["command"]));
      }
      cmd = parsed.data;
    }
    let state = decider.initialState();
    for (const e of given) state = decider.evolve(state, e);
    const context: DecisionContext = {
      now: options.now ?? "2026-01-01T00:00:00.000Z",
      actor: options.actor ?? "test",
      newId: sequentialIds(options.idPrefix ?? "id"),
    };
    const out = decider.decide(cmd, state, context);
    return Array.isArray(out) ? out : [out as E];
  };

  return {
    given: (events) => ({
      when: (command) => {
        const thenThrows = (expected?: string | ((error: unknown) => boolean)) => {
          let produced: readonly E[] | undefined;
          try {
            produced = run(events, command);
          } catch (error) {
            if (expected === undefined) return error;
            if (typeof expected === "function") {
              if (!expected(error)) throw new Error(`${decider.name}: the error did not match: ${describe(error)}`);
              return error;
            }
            const rule = isSalesfoldError(error) ? ((error as { rule?: string }).rule ?? error.code) : undefined;
            const code = isSalesfoldError(error) ? error.code : undefined;
            if (rule !== expected && code !== expected) {
              throw new Error(`${decider.name}: expected refusal ${JSON.stringify(expected)}, got ${describe(error)}`);
            }
            return error;
          }
          throw new Error(`${decider.name}: expected a refusal, but the command produced ${show(produced)}`);
        };
        return {
          thenThrows,
          // biome-ignore lint/suspicious/noThenProperty: given/when/then is the spec's vocabulary; the result is never awaited.
          then: (expected) => {
            if (typeof expected === "string") {
              thenThrows(expected);
              return;
            }
            let produced: readonly E[];
            try {
              produced = run(events, command);
            } catch (error) {
              throw new Error(
                `${decider.name}: expected events ${show(expected)}\n  but the command was refused: ${describe(error)}`,
                {
                  cause: error,
                },
              );
            }
            const actual = show(produced);
            const wanted = show(expected);
            if (actual !== wanted) throw new Error(`${decider.name}: expected events ${wanted}\n  but got ${actual}`);
          },
        };
      },
    }),
  };
}

function show(events: readonly AnyEvent[] | undefined): string {
  return JSON.stringify((events ?? []).map((e) => ({ type: e.type, data: sortKeys(e.data) })));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function describe(error: unknown): string {
  if (isSalesfoldError(error))
    return `${error.code}${(error as { rule?: string }).rule ? `/${(error as { rule?: string }).rule}` : ""}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
