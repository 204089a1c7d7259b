import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { createInMemoryEventStore, type EventCatalog, type EventStore, isValidationError } from "../index.ts";
import { CliError, EXIT } from "./errors.ts";

/** Where the demo stores by default, and what `report` reads when no --store is given. */
export const DEFAULT_SQLITE = ".salesfold/demo.sqlite";

/** A parsed `--store` value. */
export type StoreSpec =
  | { readonly kind: "memory" }
  | { readonly kind: "sqlite"; readonly path: string }
  | { readonly kind: "postgres"; readonly url: string };

/** An opened store, with a label for messages. */
export interface OpenedStore {
  readonly store: EventStore<any>;
  readonly spec: StoreSpec;
  /** `memory`, `sqlite:<path>`, or the PostgreSQL URL without its password. */
  readonly label: string;
}

const STORE_HINT = "use --store memory, --store sqlite:PATH or --store postgres://USER@HOST/DB";

/**
 * Parses `memory`, `sqlite:PATH`, a path ending in .sqlite/.sqlite3/.db, or a `postgres://` / `postgresql://` URL.
 * A URL that does not parse (a port above 65535, a space in the host…) is a usage error, found before any file is
 * read or any connection is tried.
 */
export function parseStoreSpec(value: string, cwd: string): StoreSpec {
  if (value === "memory") return { kind: "memory" };
  if (/^postgres(ql)?:\/\//.test(value)) {
    if (!URL.canParse(value)) {
      // The URL cannot be parsed, so its password is masked by hand: whatever sits between `user:` and `@`.
      const shown = value.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@]*@/, "$1***@");
      throw new CliError(`invalid PostgreSQL URL ${JSON.stringify(shown)}`, {
        hint: "use postgres://USER:PASSWORD@HOST:PORT/DATABASE (a port is at most 65535; escape special characters with %XX)",
      });
    }
    return { kind: "postgres", url: value };
  }
  const path = value.startsWith("sqlite:")
    ? value.slice("sqlite:".length)
    : /\.(sqlite3?|db)$/.test(value)
      ? value
      : "";
  if (path === "") throw new CliError(`unknown store ${JSON.stringify(value)}`, { hint: STORE_HINT });
  return { kind: "sqlite", path: isAbsolute(path) ? path : resolve(cwd, path) };
}

/** The label of a store for messages: the PostgreSQL password is never printed. */
export function storeLabel(spec: StoreSpec, cwd: string): string {
  if (spec.kind === "memory") return "memory";
  if (spec.kind === "sqlite") {
    const rel = relative(cwd, spec.path);
    return `sqlite:${rel.startsWith("..") ? spec.path : rel}`;
  }
  try {
    const url = new URL(spec.url);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "postgres://…";
  }
}

/** Whether the SQLite driver (an optional peer dependency) can be loaded. */
export async function sqliteAvailable(): Promise<boolean> {
  try {
    await import("better-sqlite3");
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a store. The SQLite and PostgreSQL adapters are imported only when asked for, so a missing driver is a
 * one-line error with the install command, never a crash at start-up.
 */
export async function openStore(
  spec: StoreSpec,
  catalog: EventCatalog<any>,
  options: {
    tenantId?: string;
    cwd: string;
    clock?: { now: () => string };
    ids?: () => string;
    /**
     * Refuse a SQLite file that holds no salesfold tables, checked through a read-only connection before the file
     * is opened for writing: a command that only reads never creates tables in (or changes the journal mode of)
     * someone else's database.
     */
    existingOnly?: boolean;
  },
): Promise<OpenedStore> {
  const label = storeLabel(spec, options.cwd);
  const extra = {
    ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.ids === undefined ? {} : { ids: options.ids }),
  };
  if (spec.kind === "memory") return { store: createInMemoryEventStore({ catalog, ...extra }), spec, label };
  if (spec.kind === "sqlite") {
    if (!(await sqliteAvailable())) {
      throw new CliError("the SQLite store needs the better-sqlite3 driver, which is not installed", {
        hint: "npm install better-sqlite3 (or use --store memory)",
        exitCode: EXIT.environment,
      });
    }
    const { createSqliteEventStore } = await import("../sqlite.ts");
    const { default: Database } = await import("better-sqlite3");
    if (options.existingOnly) {
      let isSalesfold: boolean;
      try {
        const probe = new Database(spec.path, { readonly: true, fileMustExist: true });
        try {
          isSalesfold =
            probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'salesfold_schema'").get() !==
            undefined;
        } finally {
          probe.close();
        }
      } catch (error) {
        throw new CliError(`cannot open ${label}: ${(error as Error).message}`, {
          hint: "check the path: it must be a salesfold SQLite file",
          exitCode: EXIT.environment,
          cause: error,
        });
      }
      if (!isSalesfold) {
        throw new CliError(`${label} is not a salesfold store: it holds no salesfold tables`, {
          hint: "pass a file written by salesfold import or salesfold demo; this one was left unchanged",
          exitCode: EXIT.environment,
        });
      }
    }
    let db: InstanceType<typeof Database> | undefined;
    try {
      mkdirSync(dirname(spec.path), { recursive: true });
      // The CLI opens the file itself to give it a 256 MiB page cache: a bulk import inserts into the event-id index
      // at random places, and SQLite's default 2 MiB cache turns a million of those into disk reads.
      const database = new Database(spec.path);
      db = database;
      database.pragma("cache_size = -262144");
      const store = createSqliteEventStore({
        database,
        catalog,
        journalMode: "wal",
        synchronous: "normal",
        busyTimeoutMs: 5000,
        ...extra,
      });
      const wrapped: EventStore<any> = {
        tenantId: store.tenantId,
        append: (streamId, events, appendOptions) => store.append(streamId, events, appendOptions),
        readStream: (streamId, readOptions) => store.readStream(streamId, readOptions),
        readAll: (readOptions) => store.readAll(readOptions),
        subscribe: (subscribeOptions) => store.subscribe(subscribeOptions),
        streamVersion: (streamId) => store.streamVersion(streamId),
        streamExists: (streamId) => store.streamExists(streamId),
        lastPosition: () => store.lastPosition(),
        close: async () => {
          await store.close();
          database.close();
        },
      };
      return { store: wrapped, spec, label };
    } catch (error) {
      db?.close();
      // A refused option (such as a tenant id) is the caller's mistake, not the file's: report it as such.
      if (isValidationError(error)) throw error;
      throw new CliError(`cannot open ${label}: ${(error as Error).message}`, {
        hint: "check that the path is writable and is a salesfold SQLite file",
        exitCode: EXIT.environment,
        cause: error,
      });
    }
  }
  try {
    await import("pg");
  } catch {
    throw new CliError("the PostgreSQL store needs the pg driver, which is not installed", {
      hint: "npm install pg",
      exitCode: EXIT.environment,
    });
  }
  const { createPostgresEventStore } = await import("../postgres.ts");
  const store = createPostgresEventStore({ connectionString: spec.url, catalog, ...extra });
  try {
    await store.lastPosition();
  } catch (error) {
    await store.close().catch(() => {});
    throw new CliError(`cannot reach ${label}: ${(error as Error).message}`, {
      hint: "is PostgreSQL running, and do the URL's user, password and database exist?",
      exitCode: EXIT.environment,
      cause: error,
    });
  }
  return { store, spec, label };
}
