import type { AnyEvent, EventEnvelope } from "../../../../src/index.ts";

/** A stored-looking, deeply frozen envelope at `position`, as a store hands them out. */
export function envelope<const E extends AnyEvent>(position: number, event: E, streamId = "s-1"): EventEnvelope<E> {
  return Object.freeze({
    type: event.type,
    data: deepFreeze(structuredClone(event.data)),
    metadata: Object.freeze({ schemaVersion: 1 }),
    eventId: `e-${position}`,
    streamId,
    streamVersion: position,
    globalPosition: position,
    occurredAt: "2026-01-01T00:00:00.000Z",
    recordedAt: "2026-01-01T00:00:00.000Z",
    tenantId: "default",
  }) as unknown as EventEnvelope<E>;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
