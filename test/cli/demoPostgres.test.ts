// The demo against PostgreSQL: it stores the quarter under the given tenant and suggests a report command that
// never shows the URL's password. The tenant's rows are removed afterwards.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_URL, postgresAvailable } from "../support/services.ts";
import { runCli } from "./support/runCli.ts";

const up = await postgresAvailable();
const tenant = `demo-pw-${Math.random().toString(36).slice(2, 10)}`;

describe.skipIf(!up)("salesfold demo --store postgres://…", () => {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const seq = await client.query<{ seq: string | null }>(
        "SELECT position_seq::text AS seq FROM salesfold.tenants WHERE tenant_id = $1",
        [tenant],
      );
      await client.query("DELETE FROM salesfold.events WHERE tenant_id = $1", [tenant]);
      await client.query("DELETE FROM salesfold.tenants WHERE tenant_id = $1", [tenant]);
      const name = seq.rows[0]?.seq;
      if (name) await client.query(`DROP SEQUENCE IF EXISTS ${name}`);
    } finally {
      await client.end();
    }
  });

  it("suggests the report command with the password masked", async () => {
    const url = new URL(DATABASE_URL);
    url.password = "s3cret-pw"; // the local server trusts its clients, so any password connects
    const r = await runCli(["demo", "--store", url.toString(), "--tenant", tenant]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Stored \d+ events in postgres:\/\/[^ ]*:\*\*\*@/);
    expect(r.out).toContain(`--tenant ${tenant}`);
    expect(r.out + r.err).not.toContain("s3cret-pw");
  });
});
