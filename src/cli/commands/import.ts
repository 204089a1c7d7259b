import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { isIdempotencyConflictError } from "../../index.ts";
import { salesEvents } from "../../sales/index.ts";
import { onePositional, parseCommandArgs, tenantOption } from "../args.ts";
import { CliError, EXIT } from "../errors.ts";
import { IMPORT_HELP } from "../help.ts";
import type { CliIo } from "../io.ts";
import { forEachLine, type LineEvent, parseLine } from "../jsonl.ts";
import { createProgress, formatDuration } from "../progress.ts";
import { formatInvalidLine, scanFile } from "../scan.ts";
import { openStore, parseStoreSpec } from "../stores.ts";

const n = (x: number) => Math.round(x).toLocaleString("en-US");

/**
 * The event id of a line that has none: `imp2-`, 11 characters of the SHA-256 of its stream id, then 16 of the
 * SHA-256 of the line's stream, type, data, occurrence time and metadata in a canonical form, then `-2`, `-3`… for
 * the second, third identical line. The canonical form sorts the keys of every object (at any depth) and writes the
 * occurrence time as the UTC instant it names (`2026-07-20T09:00:00+08:00` and `2026-07-20T01:00:00.000Z` are one
 * time), so the same event gives the same id however its source wrote it: a re-run, or another file carrying the
 * same event, stores nothing twice. (Ids derived by versions before the canonical form started with `imp-`: the two
 * never collide.)
 *
 * @example
 * ```ts
 * derivedEventId("deal-1", { type: "DealLost", data: { dealId: "d-1" } }, 1); // "imp2-…" (32 characters)
 * ```
 */
export function derivedEventId(streamId: string, event: LineEvent, occurrence: number): string {
  const canonical = JSON.stringify([
    streamId,
    event.type,
    sortedKeys(event.data),
    event.occurredAt === undefined ? null : new Date(event.occurredAt).toISOString(),
    sortedKeys(event.metadata ?? null),
  ]);
  const hash = createHash("sha256").update(canonical).digest("base64url").slice(0, 16);
  const id = `imp2-${streamPrefix(streamId)}${hash}`;
  return occurrence > 1 ? `${id}-${occurrence}` : id;
}

/** A copy of a JSON value with the keys of every object in sorted order; arrays keep theirs. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return out;
}

// The ids of one stream share a prefix, so a batch lands on one page of the store's event-id index instead of one
// page per event: with fully random ids, a million-event import into SQLite ran several times slower.
let lastStream = "";
let lastPrefix = "";
function streamPrefix(streamId: string): string {
  if (streamId !== lastStream) {
    lastStream = streamId;
    lastPrefix = createHash("sha256").update(streamId).digest("base64url").slice(0, 11);
  }
  return lastPrefix;
}

/** `salesfold import FILE --store …`: validate everything, then append per stream, idempotently. */
export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("import", argv, {
    store: { type: "string" },
    tenant: { type: "string" },
    chunk: { type: "string" },
  });
  if (values.help) {
    io.out(`${IMPORT_HELP}\n`);
    return EXIT.ok;
  }
  const file = onePositional("import", positionals, "a file");
  if (typeof values.store !== "string") {
    throw new CliError("import needs --store", {
      hint: "e.g. salesfold import events.jsonl --store sqlite:sales.sqlite",
    });
  }
  const tenantId = tenantOption("import", values.tenant);
  // Plain decimal digits only: Number() would also take "0x10", "1e3" and " 7".
  const chunk =
    values.chunk === undefined ? 1000 : /^\d+$/.test(String(values.chunk)) ? Number(values.chunk) : Number.NaN;
  if (!Number.isSafeInteger(chunk) || chunk < 1 || chunk > 100_000) {
    throw new CliError(`--chunk must be an integer from 1 to 100000, got ${JSON.stringify(values.chunk)}`, {
      hint: "see salesfold import --help",
    });
  }
  const spec = parseStoreSpec(values.store, io.cwd);
  const path = resolve(io.cwd, file);

  // Pass 1: validate every line; nothing is opened or written unless the whole file is valid.
  const scan = await scanFile(io, salesEvents, path, (line, issues) => io.out(formatInvalidLine(line, issues)));
  if (scan.invalid > 0) {
    io.err(
      `${file}: ${n(scan.invalid)} invalid line${scan.invalid === 1 ? "" : "s"} of ${n(scan.lines)}: nothing imported\n` +
        "  hint: fix the lines above (salesfold validate shows the same report)\n",
    );
    return EXIT.invalidData;
  }
  io.err(`validated ${n(scan.events)} events in ${n(scan.streams.size)} streams in ${formatDuration(scan.seconds)}\n`);

  // Pass 2: append, one atomic batch per stream (chunked when long), in file order within each stream.
  const opened = await openStore(spec, salesEvents, {
    cwd: io.cwd,
    ...(tenantId === undefined ? {} : { tenantId }),
  });
  const { store } = opened;
  const started = io.now();
  const progress = createProgress(io, "importing", scan.events, "events");
  let head = await store.lastPosition();
  let appended = 0;
  let skipped = 0;
  let derived = 0;
  let batches = 0;
  const remaining = new Map(scan.streams);
  const buffers = new Map<string, LineEvent[]>();
  const occurrences = new Map<string, number>();

  const appendBatch = async (streamId: string, batch: readonly LineEvent[]) => {
    const result = await store.append(streamId, batch as never, { expectedVersion: "any" });
    batches++;
    if (result.lastPosition > head) {
      appended += result.events.length;
      head = result.lastPosition;
    } else skipped += result.events.length; // an idempotent replay: the original result, nothing stored
  };
  const flush = async (streamId: string) => {
    const batch = buffers.get(streamId);
    if (!batch || batch.length === 0) return;
    buffers.delete(streamId);
    try {
      await appendBatch(streamId, batch);
    } catch (error) {
      // Part of this batch was stored by an earlier import whose chunks were cut elsewhere (the file grew):
      // each event on its own is still idempotent.
      if (!isIdempotencyConflictError(error) || !/partial replay/.test(error.message)) throw error;
      for (const e of batch) await appendBatch(streamId, [e]);
    }
    progress.tick(batch.length);
  };

  let failure: { error: unknown } | undefined;
  try {
    await forEachLine(path, async (text, line) => {
      const parsed = parseLine(salesEvents, text);
      if (!parsed.ok) {
        throw new CliError(`${file} changed while importing: line ${line} is no longer valid`, {
          hint: "rerun the import on a file nobody is writing to",
          exitCode: EXIT.invalidData,
        });
      }
      const { streamId } = parsed;
      let event = parsed.event;
      if (event.eventId === undefined) {
        const key = derivedEventId(streamId, event, 1);
        const seen = (occurrences.get(key) ?? 0) + 1;
        occurrences.set(key, seen);
        event = { ...event, eventId: seen === 1 ? key : derivedEventId(streamId, event, seen) };
        derived++;
      }
      let buffer = buffers.get(streamId);
      if (!buffer) buffers.set(streamId, (buffer = []));
      buffer.push(event);
      const left = (remaining.get(streamId) ?? 1) - 1;
      remaining.set(streamId, left);
      if (buffer.length >= chunk || left <= 0) await flush(streamId);
    });
    for (const streamId of [...buffers.keys()]) await flush(streamId);
  } catch (error) {
    failure = { error };
  } finally {
    progress.done();
    await store.close();
  }
  if (failure) {
    // The appends before the error are committed: say so, since the exit code alone would suggest nothing was.
    const events = `${n(appended)} event${appended === 1 ? " was" : "s were"} stored in ${opened.label}`;
    const appends = `${n(batches)} append${batches === 1 ? "" : "s"}`;
    const replayed = skipped > 0 ? `, ${n(skipped)} events already stored` : "";
    io.err(
      `import stopped: ${events} (${appends}${replayed}) before the error below\n` +
        "  note: rerun the same import once the cause is fixed: what is already stored is skipped, nothing is stored twice\n",
    );
    throw failure.error;
  }
  const seconds = (io.now() - started) / 1000;
  const rate = seconds > 0 ? (appended + skipped) / seconds : 0;
  io.out(
    `imported ${n(appended)} events into ${n(scan.streams.size)} streams of ${opened.label} in ${formatDuration(seconds)} ` +
      `(${n(rate)} events/s, ${n(batches)} appends)` +
      (skipped > 0 ? `; ${n(skipped)} were already stored and were skipped` : "") +
      "\n",
  );
  if (derived > 0) {
    io.out(
      `${n(derived)} lines had no eventId: their ids were derived from their stream and content (imp2-<sha256>)\n`,
    );
  }
  return EXIT.ok;
}
