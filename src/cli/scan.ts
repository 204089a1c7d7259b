import { stat } from "node:fs/promises";
import type { EventCatalog } from "../index.ts";
import type { CliIo } from "./io.ts";
import { forEachLine, parseLine } from "./jsonl.ts";
import { createProgress } from "./progress.ts";

/** What the validation pass over a file found. */
export interface ScanResult {
  /** Lines read, blank ones included. */
  readonly lines: number;
  /** Events on valid lines. */
  readonly events: number;
  /** Invalid lines. */
  readonly invalid: number;
  /** Events per stream, for planning the appends. */
  readonly streams: Map<string, number>;
  readonly seconds: number;
}

/**
 * Reads a file once, validating every line, and calls `report` for each invalid line with its number and
 * problems (in file order). Also refuses an explicit eventId used on two lines. Streams the file: any size.
 */
export async function scanFile(
  io: CliIo,
  catalog: EventCatalog<any>,
  path: string,
  report: (line: number, issues: readonly { path: string; message: string }[]) => void,
): Promise<ScanResult> {
  const started = io.now();
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const progress = createProgress(io, "validating", size, "bytes");
  const streams = new Map<string, number>();
  const idLines = new Map<string, number>();
  let events = 0;
  let invalid = 0;
  const lines = await forEachLine(
    path,
    (text, n) => {
      const parsed = parseLine(catalog, text);
      if (!parsed.ok) {
        invalid++;
        report(n, parsed.issues);
        return;
      }
      const id = parsed.event.eventId;
      if (id !== undefined) {
        const first = idLines.get(id);
        if (first !== undefined) {
          invalid++;
          report(n, [{ path: "eventId", message: `event id ${JSON.stringify(id)} is already used on line ${first}` }]);
          return;
        }
        idLines.set(id, n);
      }
      events++;
      streams.set(parsed.streamId, (streams.get(parsed.streamId) ?? 0) + 1);
    },
    (bytes) => progress.tick(bytes),
  );
  progress.done();
  return { lines, events, invalid, streams, seconds: (io.now() - started) / 1000 };
}

/** Formats one invalid line's report: `line 17: data.amount.amount: expected an integer` per issue. */
export function formatInvalidLine(line: number, issues: readonly { path: string; message: string }[]): string {
  return issues.map((i) => `line ${line}: ${i.path}: ${i.message}\n`).join("");
}
