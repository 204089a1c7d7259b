// The PostgreSQL store: events in a schema of their own, a SQL read model kept inline, an asynchronous SQL projection
// with its own checkpoint, a gap-safe subscription, and command-handler snapshots. It works in a throwaway schema and
// drops it at the end. Run it with `npx tsx examples/postgresStore.ts` (DATABASE_URL, by default
// postgres://postgres@127.0.0.1:5432/test).
// #region open
import pg from "pg";
import { createEventCatalog, createProjectionRunner, defineEvent, type EventOf, isConcurrencyError } from "salesfold";
import {
  createPostgresEventStore,
  createPostgresProjectionProcessor,
  createPostgresSnapshotStore,
  migratePostgres,
  postgresProjection,
} from "salesfold/postgres";
import { z } from "zod";

const DealWon = defineEvent("DealWon", z.strictObject({ repId: z.string(), amountMinor: z.number().int() }));
const DealLost = defineEvent("DealLost", z.strictObject({ repId: z.string(), reason: z.string() }));
const catalog = createEventCatalog([DealWon, DealLost]);
type SalesEvent = EventOf<typeof DealWon> | EventOf<typeof DealLost>;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
// #endregion open
const schema = `salesfold_example_${process.pid}`;

try {
  // #region migrate
  // Idempotent and safe to run from several processes at once; the store also runs it on first use.
  await migratePostgres(pool, { schema });
  // #endregion migrate

  // #region readModel
  // A read model in SQL tables next to the events. Inline, it is written in each append's transaction.
  const wonByRep = postgresProjection<SalesEvent>({
    name: "won-by-rep",
    types: ["DealWon"],
    setup: (c) =>
      c.query(`CREATE TABLE IF NOT EXISTS "${schema}".won_by_rep (
        tenant_id text NOT NULL, rep_id text NOT NULL, won_minor bigint NOT NULL, PRIMARY KEY (tenant_id, rep_id))`),
    apply: async (c, events) => {
      for (const e of events) {
        if (e.type !== "DealWon") continue;
        await c.query(
          `INSERT INTO "${schema}".won_by_rep VALUES ($1, $2, $3)
           ON CONFLICT (tenant_id, rep_id) DO UPDATE SET won_minor = won_by_rep.won_minor + excluded.won_minor`,
          [e.tenantId, e.data.repId, e.data.amountMinor],
        );
      }
    },
    reset: (c, tenantId) => c.query(`DELETE FROM "${schema}".won_by_rep WHERE tenant_id = $1`, [tenantId]),
  });
  // #endregion readModel

  // #region store
  const store = createPostgresEventStore<SalesEvent>({ pool, schema, catalog, tenantId: "acme", inline: [wonByRep] });
  const first = [{ type: "DealWon" as const, data: { repId: "ana", amountMinor: 48_000_00 }, eventId: "won-deal-1" }];
  const result = await store.append("deal-1", first, { expectedVersion: "no_stream" });
  // A retry after a lost reply, with the same event ids: nothing is stored twice, the original result comes back.
  const retry = await store.append("deal-1", first, { expectedVersion: "no_stream" });
  console.log("retry returned the original:", JSON.stringify(retry) === JSON.stringify(result));
  await store.append("deal-2", [{ type: "DealWon", data: { repId: "ana", amountMinor: 12_500_00 } }]);
  await store.append("deal-3", [{ type: "DealLost", data: { repId: "bo", reason: "price" } }]);
  const stale = await store
    .append("deal-1", [{ type: "DealLost", data: { repId: "ana", reason: "late" } }], { expectedVersion: 0 })
    .catch((e: unknown) => e);
  console.log("stale writer refused:", isConcurrencyError(stale));
  // #endregion store

  // #region readBack
  const { rows } = await pool.query(`SELECT rep_id, won_minor::int FROM "${schema}".won_by_rep WHERE tenant_id = $1`, [
    "acme",
  ]);
  console.log("inline read model:", JSON.stringify(rows));
  // A subscription delivers every event once, in position order, and never passes a position that a
  // still-running transaction may fill.
  const seen: string[] = [];
  const sub = store.subscribe({ handler: (events) => void seen.push(...events.map((e) => `${e.globalPosition}`)) });
  await sub.caughtUp(store.lastPosition());
  await sub.stop();
  console.log("subscription saw positions", seen.join(","));
  // #endregion readBack

  // #region async
  // The same kind of read model, asynchronously: each batch and its checkpoint commit in one transaction.
  const lostByReason = postgresProjection<SalesEvent>({
    name: "lost-by-reason",
    types: ["DealLost"],
    setup: (c) =>
      c.query(
        `CREATE TABLE IF NOT EXISTS "${schema}".lost (tenant_id text, reason text, n int, PRIMARY KEY (tenant_id, reason))`,
      ),
    apply: async (c, events) => {
      for (const e of events)
        if (e.type === "DealLost")
          await c.query(
            `INSERT INTO "${schema}".lost VALUES ($1, $2, 1) ON CONFLICT (tenant_id, reason) DO UPDATE SET n = lost.n + 1`,
            [e.tenantId, e.data.reason],
          );
    },
    reset: (c, tenantId) => c.query(`DELETE FROM "${schema}".lost WHERE tenant_id = $1`, [tenantId]),
  });
  const processor = createPostgresProjectionProcessor(pool, lostByReason, { schema, tenantId: "acme" });
  const runner = createProjectionRunner(store, processor);
  await runner.start();
  await runner.caughtUp(store.lastPosition());
  await runner.stop();
  console.log("checkpoint", await processor.checkpoint());
  // #endregion async

  // #region snapshots
  const snapshots = createPostgresSnapshotStore(pool, { schema, tenantId: "acme" });
  await snapshots.save("deal", "deal-1", { state: { status: "won" }, streamVersion: 1, deciderVersion: "1" });
  const snapshot = await snapshots.load<{ status: string }>("deal", "deal-1");
  console.log(`deal-1: ${snapshot?.state.status} @${snapshot?.streamVersion}`);
  // #endregion snapshots
  await store.close();
} finally {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
}
