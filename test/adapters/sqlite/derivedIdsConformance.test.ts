import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteEventStore } from "../../../src/sqlite.ts";
import { eventStoreConformance } from "../../../src/testing.ts";

// The conformance suite gives every store an id generator, whose ids the store keeps. Without one, the SQLite store
// derives the ids of events appended without an id from their positions: the whole contract holds for those too.
const dir = mkdtempSync(join(tmpdir(), "salesfold-sqlite-derived-ids-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paths = new Map<string, string>();
eventStoreConformance(
  "sqlite (ids derived from positions)",
  ({ ids: _generator, ...setup }) => {
    const test = expect.getState().currentTestName ?? "outside a test";
    let path = paths.get(test);
    if (path === undefined) {
      path = join(dir, `d${paths.size}.db`);
      paths.set(test, path);
    }
    return createSqliteEventStore({ database: path, ...setup });
  },
  { describe, it },
);
