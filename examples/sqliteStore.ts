// The SQLite store: events in a file, a SQL read model kept inline, an asynchronous SQL projection with its own
// checkpoint, and command-handler snapshots in the same database. Run it with `npx tsx examples/sqliteStore.ts`.
// #region open
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createEventCatalog, createProjectionRunner, defineEvent, type EventOf } from "salesfold";
import {
  createSqliteEventStore,
  createSqliteProjectionProcessor,
  createSqliteSnapshotStore,
  sqliteProjection,
} from "salesfold/sqlite";
import { z } from "zod";

const DealWon = defineEvent("DealWon", z.strictObject({ repId: z.string(), amountMinor: z.number().int() }));
const DealLost = defineEvent("DealLost", z.strictObject({ repId: z.string(), reason: z.string() }));
const catalog = createEventCatalog([DealWon, DealLost]);
type SalesEvent = EventOf<typeof DealWon> | EventOf<typeof DealLost>;
// #endregion open

const dir = mkdtempSync(join(tmpdir(), "salesfold-example-"));
try {
  // #region readModel
  // A read model in SQL tables of the same database. Inline, it is written in each append's transaction.
  const wonByRep = sqliteProjection<SalesEvent>({
    name: "won-by-rep",
    types: ["DealWon"],
    setup: (db) =>
      db.exec(`CREATE TABLE IF NOT EXISTS won_by_rep (
        tenant_id TEXT NOT NULL, rep_id TEXT NOT NULL, won_minor INTEGER NOT NULL, PRIMARY KEY (tenant_id, rep_id))`),
    apply: (db, events) => {
      const add = db.prepare(`INSERT INTO won_by_rep VALUES (?, ?, ?)
        ON CONFLICT (tenant_id, rep_id) DO UPDATE SET won_minor = won_minor + excluded.won_minor`);
      for (const e of events) if (e.type === "DealWon") add.run(e.tenantId, e.data.repId, e.data.amountMinor);
    },
    reset: (db, tenantId) => db.prepare("DELETE FROM won_by_rep WHERE tenant_id = ?").run(tenantId),
  });
  // #endregion readModel

  // #region store
  // A path: the store opens the file (WAL, synchronous=NORMAL) and closes it on close().
  const store = createSqliteEventStore<SalesEvent>({
    database: join(dir, "sales.db"),
    catalog,
    tenantId: "acme",
    inline: [wonByRep],
  });
  await store.append("deal-1", [{ type: "DealWon", data: { repId: "ana", amountMinor: 48_000_00 } }], {
    expectedVersion: "no_stream",
  });
  await store.append("deal-2", [{ type: "DealWon", data: { repId: "ana", amountMinor: 12_500_00 } }]);
  await store.append("deal-3", [{ type: "DealLost", data: { repId: "bo", reason: "price" } }]);
  // #endregion store

  // #region shared
  // A Database instance: other handles, the processor and the snapshot store share it; close() leaves it open.
  const db = new Database(join(dir, "sales.db"));
  const reader = createSqliteEventStore<SalesEvent>({ database: db, catalog, tenantId: "acme" });
  const rows = db.prepare("SELECT rep_id, won_minor FROM won_by_rep WHERE tenant_id = ?").all("acme");
  console.log("inline read model:", JSON.stringify(rows));

  // The same read model, asynchronously: apply and checkpoint commit together, so a crash never applies twice.
  const lostByReason = sqliteProjection<SalesEvent>({
    name: "lost-by-reason",
    types: ["DealLost"],
    setup: (d) =>
      d.exec(
        "CREATE TABLE IF NOT EXISTS lost (tenant_id TEXT, reason TEXT, n INTEGER, PRIMARY KEY (tenant_id, reason))",
      ),
    apply: (d, events) => {
      const bump = d.prepare("INSERT INTO lost VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1");
      for (const e of events) if (e.type === "DealLost") bump.run(e.tenantId, e.data.reason);
    },
    reset: (d, tenantId) => d.prepare("DELETE FROM lost WHERE tenant_id = ?").run(tenantId),
  });
  const processor = createSqliteProjectionProcessor(db, lostByReason, { tenantId: "acme" });
  const runner = createProjectionRunner(reader, processor);
  await runner.start();
  await runner.caughtUp(reader.lastPosition());
  await runner.stop();
  console.log(
    "async read model:",
    JSON.stringify(db.prepare("SELECT reason, n FROM lost").all()),
    "checkpoint",
    await processor.checkpoint(),
  );

  const snapshots = createSqliteSnapshotStore(db, { tenantId: "acme" });
  await snapshots.save("deal", "deal-1", { state: { status: "won" }, streamVersion: 1, deciderVersion: "1" });
  console.log("snapshot:", JSON.stringify(await snapshots.load("deal", "deal-1")));
  await reader.close();
  db.close();
  // #endregion shared

  const { events } = await store.readStream("deal-1");
  console.log("deal-1:", events.map((e) => `${e.streamVersion} ${e.type} @${e.globalPosition}`).join(", "));
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
