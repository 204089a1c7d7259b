import type pg from "pg";

/**
 * What the PostgreSQL adapter runs its SQL on: a `pg.Pool` (recommended: appends, reads and subscriptions each take
 * a connection as they need one) or a single connected `pg.Client` / pool client, which the adapter then uses for
 * everything, one statement or transaction at a time.
 *
 * @example
 * ```ts
 * import pg from "pg";
 * const pool: Queryable = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * ```
 */
export type Queryable = pg.Pool | pg.ClientBase;

/** @internal Whether a value is a pg pool (it has `connect` and pool counters) rather than a single client. */
export function isPool(value: unknown): value is pg.Pool {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as pg.Pool).connect === "function" &&
    typeof (value as pg.Pool).query === "function" &&
    typeof (value as pg.Pool).totalCount === "number"
  );
}

/** @internal Whether a value can run queries: a pool or a client. */
export function isQueryable(value: unknown): value is Queryable {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as pg.ClientBase).query === "function" &&
    typeof (value as pg.ClientBase).connect === "function"
  );
}

// One queue per single client, so that a multi-statement transaction of the adapter never interleaves with another
// of its statements on the same connection.
const queues = new WeakMap<object, Promise<unknown>>();

function exclusive<T>(client: object, fn: () => Promise<T>): Promise<T> {
  const before = queues.get(client) ?? Promise.resolve();
  const run = before.then(fn, fn);
  queues.set(
    client,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

/**
 * @internal Runs `fn` with a connection to itself: a connection checked out of a pool (released afterwards, and
 * destroyed if `fn` failed with the connection in an unknown state), or the single client, queued.
 */
export async function withClient<T>(db: Queryable, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  if (!isPool(db)) return exclusive(db, () => fn(db));
  const client = await db.connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (error) {
    // A connection whose transaction could not be rolled back must not go back to the pool.
    if ((error as { rollbackFailed?: boolean }).rollbackFailed) broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

/** @internal A prepared statement: its text and a name, so each connection parses and plans it once. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

/** @internal Runs one statement on the pool (any free connection) or on the single client (queued). */
export async function run<R extends pg.QueryResultRow>(
  db: Queryable,
  statement: Statement,
  values: readonly unknown[],
): Promise<R[]> {
  const config = { name: statement.name, text: statement.text, values: values as unknown[] };
  if (isPool(db)) return (await db.query<R>(config)).rows;
  return exclusive(db, async () => (await db.query<R>(config)).rows);
}

/**
 * @internal Runs `fn` in a transaction on one connection: BEGIN, `fn`, COMMIT; ROLLBACK when `fn` throws. A failed
 * ROLLBACK marks the error so the connection is destroyed rather than reused.
 */
export function transaction<T>(db: Queryable, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  return withClient(db, async (client) => {
    await client.query("BEGIN");
    try {
      const out = await fn(client);
      await client.query("COMMIT");
      return out;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch {
        if (typeof error === "object" && error !== null) (error as { rollbackFailed?: boolean }).rollbackFailed = true;
      }
      throw error;
    }
  });
}
