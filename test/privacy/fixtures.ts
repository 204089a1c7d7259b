// Shared by the privacy tests: the application catalog (customers, credit, goals, team and the privacy events), the
// subjects of personal events, a wrapped in-memory store, and small helpers.
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEventCatalog, createInMemoryEventStore, type EventStore } from "../../src/index.ts";
import {
  createErasableEventStore,
  createInMemoryKeyStore,
  erasableStorageCatalog,
  type KeyStore,
  type MasterKey,
  personalFieldsOfCatalog,
  privacyEvents,
} from "../../src/core/privacy/index.ts";
import { creditEvents } from "../../src/credit/index.ts";
import { customerEvents } from "../../src/customers/index.ts";
import { goalsEvents } from "../../src/goals/index.ts";
import { teamEvents } from "../../src/team/index.ts";

export const catalog = createEventCatalog([customerEvents, creditEvents, goalsEvents, teamEvents, privacyEvents]);
export const storage = erasableStorageCatalog(catalog);

/** Every customers-area event with personal fields names its customer in `customerId`. */
export const subjectOf: Readonly<Record<string, string>> = Object.fromEntries(
  [...personalFieldsOfCatalog(catalog).keys()].map((type) => [type, "customerId"]),
);

export function erasable(
  options: { keys?: KeyStore; masterKeys?: MasterKey[]; inner?: EventStore<any>; tenantId?: string } = {},
) {
  const tenantId = options.tenantId ?? "default";
  const inner = options.inner ?? createInMemoryEventStore({ catalog: storage, tenantId });
  const keys = options.keys ?? createInMemoryKeyStore({ tenantId });
  const store = createErasableEventStore(inner, {
    catalog,
    keys,
    subjectOf,
    ...(options.masterKeys ? { masterKeys: options.masterKeys } : {}),
  });
  return { inner, keys, store };
}

export const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 6, 1 + day, hour)).toISOString();

export function registered(
  customerId: string,
  name: string,
  contacts: { contactId: string; name: string; email?: string; phone?: string }[] = [],
) {
  return {
    type: "CustomerRegistered" as const,
    data: {
      customerId,
      kind: "person" as const,
      name,
      segment: "smb",
      tags: [],
      preferences: {},
      contacts,
      registeredAt: at(0),
    },
  };
}

export function noteAdded(customerId: string, noteId: string, text: string) {
  return {
    type: "CustomerNoteAdded" as const,
    data: { customerId, noteId, authorId: "rep-ana", text, addedAt: at(1) },
  };
}

export function credited(creditId: string, customerId: string, repId: string, amount: number, day = 5) {
  return {
    type: "SalesCreditAssigned" as const,
    data: {
      creditId,
      repId,
      customerId,
      source: { kind: "deal" as const, id: `d-${creditId}` },
      splitType: "revenue" as const,
      shareBps: 10_000,
      amount: { amount, currency: "USD" },
      creditedAt: at(day),
    },
  };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `salesfold-privacy-${label}-`));
}

/** The bytes of a SQLite database file and its write-ahead log, as one latin1 string to search. */
export function sqliteBytes(file: string): string {
  let out = readFileSync(file).toString("latin1");
  for (const suffix of ["-wal", "-journal"]) {
    if (existsSync(file + suffix)) out += readFileSync(file + suffix).toString("latin1");
  }
  return out;
}

/** How a text appears in stored bytes read as latin1: its UTF-8 encoding. */
export const asStored = (text: string) => Buffer.from(text, "utf8").toString("latin1");
