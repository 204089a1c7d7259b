import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
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
 * Validates one line of an import file against a catalog. A line is either an append input
 * `{ streamId, type, data, eventId?, occurredAt?, metadata? }` or a stored envelope exported from a store (it has
 * `streamVersion`, `globalPosition`, `recordedAt` and `tenantId`; those are checked, then dropped: the target store
 * assigns its own). Blank lines are skipped by the reader, not here.
 */
export function parseLine(catalog: EventCatalog<any>, text: string): ParsedLine {
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

/** Reads a file line by line (streamed: any size), calling `onLine` with each non-blank line and its 1-based number. */
export async function forEachLine(
  path: string,
  onLine: (text: string, lineNumber: number) => void | Promise<void>,
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
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  if (onBytes) stream.on("data", (chunk) => onBytes(Buffer.byteLength(chunk as string)));
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === "") continue;
    const pending = onLine(n === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line, n);
    if (pending) await pending;
  }
  return n;
}
