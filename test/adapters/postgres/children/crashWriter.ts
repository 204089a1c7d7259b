// Appends 1,000-event batches to a PostgreSQL schema. With `block`, an inline hook prints "staged" from inside the
// write transaction (the batch inserted, nothing committed) and then blocks the thread forever, so the parent's
// SIGKILL lands mid-transaction deterministically. With `loop`, it appends batches until killed, printing
// "committed <n>" after each.
import { writeSync } from "node:fs";
import pg from "pg";
import { createPostgresEventStore } from "../../../../src/postgres.ts";
import { counterCatalog } from "../pgTestKit.ts";

const [schema, mode] = process.argv.slice(2) as [string, "block" | "loop"];
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const block = {
  stage: () => {
    writeSync(1, "staged\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    return () => {};
  },
};
const store = createPostgresEventStore({
  pool,
  schema,
  tenantId: "crash",
  catalog: counterCatalog,
  inline: mode === "block" ? [block] : [],
});
const batch = (n: number) =>
  Array.from({ length: 1000 }, (_, i) => ({ type: "Incremented" as const, data: { by: 1, writer: n * 1000 + i } }));
await store.streamVersion("warm-up");
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
