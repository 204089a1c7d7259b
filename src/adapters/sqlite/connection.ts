import Database from "better-sqlite3";
import { z } from "zod";
import { ValidationError } from "../../core/errors/index.ts";

/**
 * How the adapter opens and tunes a SQLite connection. Applied in full to a database the store opens from a path;
 * for a `Database` instance you pass in, only the settings you give explicitly are applied.
 *
 * @example
 * ```ts
 * const settings: SqliteConnectionSettings = { synchronous: "full", busyTimeoutMs: 10_000 };
 * ```
 */
export interface SqliteConnectionSettings {
  /** `wal` by default: readers never block the writer, and commits need no fsync with `synchronous: "normal"`. */
  readonly journalMode?: "wal" | "delete" | "truncate" | "persist";
  /**
   * `normal` by default (with WAL: a commit survives a process crash; the last commits before a power loss may be
   * lost, never half of one). `full` fsyncs every commit.
   */
  readonly synchronous?: "off" | "normal" | "full" | "extra";
  /** How long a writer waits for another process's write lock before failing with SQLITE_BUSY; 5,000 ms by default. */
  readonly busyTimeoutMs?: number;
  /**
   * With WAL, how many pages the log may hold before a commit copies them back into the database file (SQLite's
   * `wal_autocheckpoint`); 16,000 pages (64 MB with 4 KB pages) by default, `0` turns automatic checkpoints off.
   * Each checkpoint fsyncs the log and the database file, and appends rewrite the same few leaf pages, so a longer
   * log pays those fsyncs, and copies each page, once for more commits: fewer, larger checkpoints, at the price of a
   * bigger `-wal` file and a longer recovery read after a crash.
   */
  readonly walAutocheckpointPages?: number;
}

/** @internal The zod schema of {@link SqliteConnectionSettings}, shared by the store's options schema. */
export const connectionSettingsShape = {
  journalMode: z.enum(["wal", "delete", "truncate", "persist"]).optional(),
  synchronous: z.enum(["off", "normal", "full", "extra"]).optional(),
  busyTimeoutMs: z.number().int().min(0).max(2_147_483_647).optional(),
  walAutocheckpointPages: z.number().int().min(0).max(2_147_483_647).optional(),
};

/** @internal Whether a value looks like an open better-sqlite3 database. */
export function isDatabase(value: unknown): value is Database.Database {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Database.Database).prepare === "function" &&
    typeof (value as Database.Database).transaction === "function" &&
    typeof (value as Database.Database).pragma === "function"
  );
}

/** @internal The zod schema of the `database` option: a path, `:memory:`, or an open better-sqlite3 database. */
export const databaseSchema: z.ZodType<string | Database.Database> = z.union([
  z
    .string()
    .min(1, "a database path is not empty")
    .refine((s) => !s.includes("\u0000"), "a database path has no NUL character"),
  z.custom<Database.Database>(isDatabase, "a path, ':memory:' or a better-sqlite3 Database"),
]);

/**
 * @internal Opens (for a path) or adopts (for an instance) a database and applies the settings. Returns whether the
 * caller owns the connection, i.e. must close it.
 */
export function openDatabase(
  api: string,
  database: string | Database.Database,
  settings: SqliteConnectionSettings,
): { readonly db: Database.Database; readonly owned: boolean } {
  if (typeof database !== "string") {
    if (!database.open) {
      throw new ValidationError(api, [
        {
          code: "database_closed",
          path: ["database"],
          message: "the Database instance is closed",
        },
      ]);
    }
    applySettings(database, settings);
    return { db: database, owned: false };
  }
  const db = new Database(database);
  try {
    applySettings(db, {
      journalMode: settings.journalMode ?? "wal",
      synchronous: settings.synchronous ?? "normal",
      busyTimeoutMs: settings.busyTimeoutMs ?? 5000,
      walAutocheckpointPages: settings.walAutocheckpointPages ?? 16_000,
    });
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, owned: true };
}

function applySettings(db: Database.Database, settings: SqliteConnectionSettings): void {
  // The values are checked against fixed lists by the options schema, so they can be written into the pragma.
  if (settings.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
  if (settings.journalMode !== undefined && db.name !== ":memory:" && !db.memory) {
    db.pragma(`journal_mode = ${settings.journalMode}`);
  }
  if (settings.synchronous !== undefined) db.pragma(`synchronous = ${settings.synchronous}`);
  if (settings.walAutocheckpointPages !== undefined)
    db.pragma(`wal_autocheckpoint = ${settings.walAutocheckpointPages}`);
}
