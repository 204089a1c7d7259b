// Writes JSON Lines import files for the CLI tests and the 1,000,000-event import check: deal and customer streams
// of ten events each, ten streams interleaved per block of 100 lines, and, if asked, one bad line in `badEvery`.
import { createWriteStream } from "node:fs";

const BAD_KINDS = [
  (i: number) => `{"streamId":"deal-x${i}","type":"DealOpened","data":`, // truncated JSON
  (i: number) => JSON.stringify({ streamId: `deal-x${i}`, type: "DealTeleported", data: {} }),
  (i: number) =>
    JSON.stringify({ streamId: `cu-x${i}`, type: "InteractionLogged", data: { ...interaction(i, 0), channel: "fax" } }),
  (i: number) => JSON.stringify({ type: "InteractionLogged", data: interaction(i, 0) }), // no streamId
  (i: number) => JSON.stringify({ streamId: `deal-x${i}`, type: "DealOpened", data: opened(i, 12.5) }),
  (i: number) => JSON.stringify({ streamId: `cu-x${i}`, type: "InteractionLogged", data: interaction(i, 0), extra: 1 }),
];

/** What each kind of bad line is reported as: the path in the first issue. */
export const BAD_PATHS = ["(root)", "type", "data.channel", "streamId", "data.amount.amount", "extra"];

function interaction(stream: number, k: number) {
  return {
    interactionId: `i-${stream}-${k}`,
    customerId: `cu-${stream}`,
    repId: `rep-${stream % 40}`,
    channel: (["call", "meeting", "email", "visit"] as const)[k % 4],
    occurredAt: `2026-07-${String(1 + (k % 28)).padStart(2, "0")}T0${k % 10}:00:00.000Z`,
    outcome: "positive",
  };
}

function opened(stream: number, amount = 1_000_000 + stream) {
  return {
    dealId: `d-${stream}`,
    customerId: `cu-${stream}`,
    ownerId: `rep-${stream % 40}`,
    name: `Deal ${stream}`,
    stage: "prospecting",
    amount: { amount, currency: "USD" },
    probabilityBps: 1000,
    forecastCategory: "pipeline",
    closeDate: "2026-09-30",
    openedOn: "2026-07-01",
    openedAt: "2026-07-01T01:00:00.000Z",
  };
}

const STAGES = ["qualification", "needs_analysis", "proposal", "negotiation"] as const;

/** The valid line `i` (0-based) of the generated file. */
export function validLine(i: number, withIds: boolean): string {
  const block = Math.floor(i / 100);
  const stream = block * 10 + (i % 10);
  const k = Math.floor((i % 100) / 10); // the k-th event of its stream
  const id = withIds ? { eventId: `e-${i}` } : {};
  if (stream % 2 === 0) {
    if (k === 0) return JSON.stringify({ streamId: `deal-${stream}`, type: "DealOpened", data: opened(stream), ...id });
    const from = k === 1 ? "prospecting" : STAGES[(k - 2) % 4]!;
    const stage = STAGES[(k - 1) % 4]!;
    const data = {
      dealId: `d-${stream}`,
      fromStage: from,
      stage,
      probabilityBps: 2000,
      forecastCategory: "pipeline",
      changedAt: `2026-07-${String(1 + k).padStart(2, "0")}T01:00:00.000Z`,
    };
    return JSON.stringify({ streamId: `deal-${stream}`, type: "DealStageChanged", data, ...id });
  }
  return JSON.stringify({ streamId: `cu-${stream}`, type: "InteractionLogged", data: interaction(stream, k), ...id });
}

/**
 * Writes `lines` lines; every `badEvery`-th line (1-based line numbers divisible by it) is bad, of a rotating kind.
 * Returns the bad line numbers, with the path each one is reported at.
 */
export async function writeEventsFile(
  path: string,
  options: { lines: number; badEvery?: number; withIds?: boolean },
): Promise<{ bad: { line: number; path: string }[] }> {
  const out = createWriteStream(path, { encoding: "utf8" });
  const bad: { line: number; path: string }[] = [];
  let chunk = "";
  for (let i = 0; i < options.lines; i++) {
    const line = i + 1;
    if (options.badEvery && line % options.badEvery === 0) {
      const kind = bad.length % BAD_KINDS.length;
      bad.push({ line, path: BAD_PATHS[kind]! });
      chunk += `${BAD_KINDS[kind]!(i)}\n`;
    } else {
      chunk += `${validLine(i, options.withIds ?? false)}\n`;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { bad };
}
