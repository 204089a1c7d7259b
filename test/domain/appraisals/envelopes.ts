// Wraps events as stored envelopes, in order, for folding projections.
export function envelopes<E extends { type: string; data: unknown }>(events: readonly E[]): never {
  return events.map((e, i) => ({
    ...e,
    eventId: `e-${i + 1}`,
    streamId: "s",
    streamVersion: i + 1,
    globalPosition: i + 1,
    occurredAt: "2026-07-01T00:00:00.000Z",
    recordedAt: "2026-07-01T00:00:00.000Z",
    tenantId: "default",
    metadata: { schemaVersion: 1 },
  })) as never;
}
