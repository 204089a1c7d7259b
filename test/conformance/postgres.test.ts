import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createPostgresEventStore, migratePostgres } from "../../src/postgres.ts";
import { eventStoreConformance } from "../../src/testing.ts";
import { DATABASE_URL, postgresAvailable } from "../support/services.ts";

const up = await postgresAvailable();
const schema = `salesfold_conf_${Math.random().toString(36).slice(2, 10)}`;
let pool: pg.Pool;

describe.skipIf(!up)("PostgreSQL", () => {
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: DATABASE_URL, max: 8 });
    await migratePostgres(pool, { schema });
  });
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  eventStoreConformance("postgres", (setup) => createPostgresEventStore({ pool, schema, ...setup }), { describe, it });
});
