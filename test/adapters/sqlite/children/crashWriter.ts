// Appends ONE 1,000-event batch to stream "crash" of a file database. With `block`, an inline hook prints "staged"
// from inside the write transaction (every row inserted, nothing committed) and then blocks the thread forever, so
// the parent's SIGKILL lands mid-transaction deterministically. With `loop`, it appends 1,000-event batches until
// killed, printing "committed <n>" after each.
import { writeSync } from "node:fs";
import { createSqliteEventStore } from "../../../../src/sqlite.ts";
import { counterCatalog } from "../fixtures.ts";

const [path, mode] = process.argv.slice(2) as [string, "block" | "loop"];
const block = {
  stage: () => {
    writeSync(1, "staged\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    return () => {};
  },
};
const store = createSqliteEventStore({
  database: path,
  catalog: counterCatalog,
  inline: mode === "block" ? [block] : [],
});
const batch = (n: number) =>
  Array.from({ length: 1000 }, (_, i) => ({ type: "Incremented" as const, data: { by: 1, writer: n * 1000 + i } }));
writeSync(1, "ready\n");
if (mode === "block") {
  await store.append("crash", batch(0));
  writeSync(1, "unreachable\n");
} else {
  for (let n = 0; ; n++) {
    await store.append(`crash-${n}`, batch(n), { expectedVersion: "no_stream" });
    writeSync(1, `committed ${n}\n`);
  }
}
