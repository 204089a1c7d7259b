import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { type EventCatalog, formatPath, isValidationError, streamIdSchema, type ValidationIssue } from "../index.ts";
import { CliError, EXIT } from "./errors.ts";

/** An event to append, read from one line. */
export interface LineEvent {
  readonly type: string;
  readonly data: unknown;
  readonly eventId?: string;
  readonly occurredAt?: string;
  readonly metadata?: Record<string, unknown>;
}

/** What one line of an import file holds: an event for a stream, or the problems that make it invalid. */
export type ParsedLine =
  | { readonly ok: true; readonly streamId: string; readonly event: LineEvent }
  | { readonly ok: false; readonly issues: readonly { readonly path: string; readonly message: string }[] };

const INPUT_KEYS = new Set(["streamId", "type", "data", "eventId", "occurredAt", "metadata"]);
const ENVELOPE_ONLY = ["streamVersion", "globalPosition", "recordedAt", "tenantId"];

const issuesOf = (issues: readonly ValidationIssue[], drop: number) =>
  issues.map((i) => ({ path: formatPath(i.path.slice(drop)), message: i.message }));

/**
 * What {@link forEachLine} passes for a line whose bytes are not valid UTF-8: such a line is reported, never decoded
 * with replacement characters (two ids differing only in their invalid bytes would otherwise become one).
 */
export const NOT_UTF8: unique symbol = Symbol("not valid UTF-8");

/**
 * Validates one line of an import file against a catalog. A line is either an append input
 * `{ streamId, type, data, eventId?, occurredAt?, metadata? }` or a stored envelope exported from a store (it has
 * `streamVersion`, `globalPosition`, `recordedAt` and `tenantId`; those are checked, then dropped: the target store
 * assigns its own). Blank lines are skipped by the reader, not here.
 */
export function parseLine(catalog: EventCatalog<any>, text: string | typeof NOT_UTF8): ParsedLine {
  if (text === NOT_UTF8) return { ok: false, issues: [{ path: "(root)", message: "not valid UTF-8" }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: "(root)", message: `not JSON: ${(error as Error).message}` }] };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: "(root)", message: "a line is a JSON object with streamId, type and data" }] };
  }
  const obj = raw as Record<string, unknown>;
  if (ENVELOPE_ONLY.some((k) => Object.hasOwn(obj, k))) {
    try {
      const env = catalog.parseStored("envelope", obj);
      if (!catalog.definition(env.type)) {
        return {
          ok: false,
          issues: [{ path: "type", message: `${JSON.stringify(env.type)} is not a registered event type` }],
        };
      }
      const { actor, correlationId, causationId } = env.metadata;
      const metadata: Record<string, unknown> = { schemaVersion: env.metadata.schemaVersion };
      if (actor !== undefined) metadata.actor = actor;
      if (correlationId !== undefined) metadata.correlationId = correlationId;
      if (causationId !== undefined) metadata.causationId = causationId;
      // parseStored upcast the data to the current version: store it as such.
      const def = catalog.definition(env.type)!;
      metadata.schemaVersion = def.version;
      return {
        ok: true,
        streamId: env.streamId,
        event: { type: env.type, data: env.data, eventId: env.eventId, occurredAt: env.occurredAt, metadata },
      };
    } catch (error) {
      if (isValidationError(error)) return { ok: false, issues: issuesOf(error.issues, 0) };
      throw error;
    }
  }
  const issues: { path: string; message: string }[] = [];
  for (const key of Object.keys(obj)) {
    if (!INPUT_KEYS.has(key)) issues.push({ path: formatPath([key]), message: `unknown field ${JSON.stringify(key)}` });
  }
  const sid = streamIdSchema.safeParse(obj.streamId);
  if (!sid.success) {
    for (const i of sid.error.issues) {
      const message = obj.streamId === undefined ? "streamId is required" : i.message;
      issues.push({ path: formatPath(["streamId", ...i.path]), message });
    }
  }
  const event: Record<string, unknown> = {};
  for (const key of ["type", "data", "eventId", "occurredAt", "metadata"])
    if (Object.hasOwn(obj, key)) event[key] = obj[key];
  try {
    catalog.prepare("line", [event]);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    issues.push(...issuesOf(error.issues, 1));
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, streamId: sid.data!, event: event as unknown as LineEvent };
}

/**
 * Reads a file line by line (streamed: any size), calling `onLine` with each non-blank line and its 1-based number.
 * Lines end at `\n`, `\r\n` or `\r`; a byte order mark before the first line is dropped. Each line is decoded as
 * UTF-8 on its own: a line that is not valid UTF-8 is passed as {@link NOT_UTF8}.
 */
export async function forEachLine(
  path: string,
  onLine: (text: string | typeof NOT_UTF8, lineNumber: number) => void | Promise<void>,
  onBytes?: (bytes: number) => void,
): Promise<number> {
  try {
    const s = await stat(path);
    if (s.isDirectory())
      throw new CliError(`${path} is a directory, not a JSON Lines file`, { exitCode: EXIT.environment });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: "check the path; relative paths start from the current directory",
      exitCode: EXIT.environment,
    });
  }
  let n = 0;
  const emit = async (bytes: Buffer) => {
    n++;
    let text: string | typeof NOT_UTF8 = bytes.toString("utf8");
    // toString replaces invalid bytes with U+FFFD: check the bytes only when one shows up.
    if (text.includes("\uFFFD") && !isUtf8(bytes)) text = NOT_UTF8;
    else {
      if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === "") return;
    }
    const pending = onLine(text, n);
    if (pending) await pending;
  };
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  // The start of a line that goes on in the next chunk (more than one part only for lines longer than a chunk).
  let rest: Buffer[] = [];
  // A chunk that ended with `\r`: a `\n` at the start of the next one belongs to the same line break.
  let afterCr = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    let start = afterCr && chunk[0] === 0x0a ? 1 : 0;
    afterCr = false;
    let cr = chunk.indexOf(0x0d, start);
    let lf = chunk.indexOf(0x0a, start);
    while (cr !== -1 || lf !== -1) {
      const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
      const line = chunk.subarray(start, end);
      await emit(rest.length > 0 ? Buffer.concat([...rest, line]) : line);
      rest = [];
      start = end + 1;
      if (end === cr) {
        if (cr + 1 === chunk.length) afterCr = true;
        else if (chunk[cr + 1] === 0x0a) start++;
        cr = chunk.indexOf(0x0d, start);
      }
      if (lf !== -1 && lf < start) lf = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) rest.push(chunk.subarray(start));
  }
  if (rest.length > 0) await emit(Buffer.concat(rest));
  return n;
}
