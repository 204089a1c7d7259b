// One of the 8 writer processes: appends `count` events to stream "contended", one per append, each with the
// version it just read; on a ConcurrencyError it re-reads and retries. Prints "ready", waits for a line on stdin,
// then prints "done <successes> <conflicts>".
import { isConcurrencyError } from "../../../../src/index.ts";
import { createSqliteEventStore } from "../../../../src/sqlite.ts";
import { counterCatalog } from "../fixtures.ts";

const [path, writerArg, countArg] = process.argv.slice(2) as [string, string, string];
const writer = Number(writerArg);
const count = Number(countArg);
const store = createSqliteEventStore({ database: path, catalog: counterCatalog, busyTimeoutMs: 30_000 });
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.destroy();
let conflicts = 0;
for (let i = 0; i < count; ) {
  const version = await store.streamVersion("contended");
  try {
    await store.append("contended", [{ type: "Incremented", data: { by: 1, writer }, eventId: `w${writer}-${i}` }], {
      expectedVersion: version,
    });
    i++;
  } catch (error) {
    if (!isConcurrencyError(error)) throw error;
    conflicts++;
  }
}
await store.close();
process.stdout.write(`done ${count} ${conflicts}\n`);
