import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteEventStore } from "../../src/sqlite.ts";
import { eventStoreConformance } from "../../src/testing.ts";

// One database file per conformance test, shared by every store and tenant the test opens (so "isolates tenants"
// runs two tenants on one file). A database per test, because global positions come from one sequence shared by all
// tenants of a database, and a conformance case counts the positions of its fresh tenant from 1.
const dir = mkdtempSync(join(tmpdir(), "salesfold-sqlite-conformance-"));
const databases = new Map<string, Database.Database>();
afterAll(() => {
  for (const db of databases.values()) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function databaseForCurrentTest(): Database.Database {
  const test = expect.getState().currentTestName ?? "outside a test";
  let db = databases.get(test);
  if (db === undefined) {
    db = new Database(join(dir, `t${databases.size}.db`));
    db.pragma("journal_mode = WAL");
    databases.set(test, db);
  }
  return db;
}

eventStoreConformance(
  "sqlite (file, WAL)",
  (setup) => createSqliteEventStore({ database: databaseForCurrentTest(), ...setup }),
  {
    describe,
    it,
  },
);

// The same suite with each handle opening (and closing) its own connection to the test's file by path.
const paths = new Map<string, string>();
eventStoreConformance(
  "sqlite (path, a connection per handle)",
  (setup) => {
    const test = expect.getState().currentTestName ?? "outside a test";
    let path = paths.get(test);
    if (path === undefined) {
      path = join(dir, `own-${paths.size}.db`);
      paths.set(test, path);
    }
    return createSqliteEventStore({ database: path, ...setup });
  },
  { describe, it },
);
