// Crypto-shredding: a customer's personal data is stored encrypted with a key of its own, and forgetting the customer
// destroys that key. The history stays append-only and complete; credit totals are untouched; the customer's name,
// contacts and notes read as "[erased]" everywhere. Run it with `npx tsx examples/privacy.ts`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// #region setup
import Database from "better-sqlite3";
import {
  createErasableEventStore,
  createEventCatalog,
  erasableStorageCatalog,
  erasureAudit,
  generateMasterKey,
  privacyEvents,
  rebuildProjection,
} from "salesfold";
import { creditEvents, repCredits } from "salesfold/credit";
import { customerDirectory, customerEvents } from "salesfold/customers";
import { createSqliteEventStore, createSqliteKeyStore } from "salesfold/sqlite";

// The application's events, plus the erasure events.
const catalog = createEventCatalog([customerEvents, creditEvents, privacyEvents]);
// #endregion setup

const dir = mkdtempSync(join(tmpdir(), "salesfold-privacy-"));
try {
  // #region store
  const file = join(dir, "sales.db");
  const db = new Database(file);
  // The store below keeps personal fields only encrypted: it is created with the storage form of the catalog.
  const inner = createSqliteEventStore({ database: db, catalog: erasableStorageCatalog(catalog), tenantId: "acme" });
  // Data keys in a table; keep them in another database (and another backup) in production.
  const keys = createSqliteKeyStore(db, { tenantId: "acme" });
  const store = createErasableEventStore(inner, {
    catalog,
    keys,
    // Every customers-area event with personal fields names its customer in `customerId`.
    subjectOf: (event) => (event.data as { customerId?: string }).customerId,
    // Master keys encrypt the data keys at rest: load them from a secret manager, never from the database.
    masterKeys: [{ version: 1, key: process.env.SALESFOLD_MASTER_KEY ?? generateMasterKey() }],
  });
  // #endregion store

  await store.append("customer-cu-1", [
    {
      type: "CustomerRegistered",
      data: {
        customerId: "cu-1",
        kind: "person",
        name: "Li Wei",
        segment: "smb",
        tags: [],
        preferences: {},
        contacts: [{ contactId: "ct-1", name: "Li Wei", email: "li.wei@example.com" }],
        registeredAt: "2026-07-01T09:00:00.000Z",
      },
    },
    {
      type: "CustomerNoteAdded",
      data: {
        customerId: "cu-1",
        noteId: "n-1",
        authorId: "rep-ana",
        text: "Prefers calls after 3 pm",
        addedAt: "2026-07-01T10:00:00.000Z",
      },
    },
  ]);
  await store.append("credit-c-1", [
    {
      type: "SalesCreditAssigned",
      data: {
        creditId: "c-1",
        repId: "rep-ana",
        customerId: "cu-1",
        source: { kind: "deal", id: "d-1" },
        splitType: "revenue",
        shareBps: 10_000,
        amount: { amount: 480_000, currency: "USD" },
        creditedAt: "2026-07-02T09:00:00.000Z",
      },
    },
  ]);
  const stored = (await inner.readStream("customer-cu-1")).events[0]!.data as { name: string };
  console.log(`stored name: ${stored.name.slice(0, 6)}… (${stored.name.length} characters)`);
  const before = await rebuildProjection(store, customerDirectory);
  console.log(`read back: ${before.state.customers["cu-1"]?.name}`);

  // #region erase
  const receipt = await store.forgetSubject("cu-1", { reason: "gdpr-art-17 ticket 4411" });
  console.log(`erased cu-1: ${receipt.keyVersionsDestroyed} key version destroyed`);

  const after = await rebuildProjection(store, customerDirectory);
  const profile = after.state.customers["cu-1"]!;
  console.log(`after erasure: ${profile.name}, contact ${profile.contacts[0]?.name} <${profile.contacts[0]?.email}>`);
  const credits = await rebuildProjection(store, repCredits);
  console.log(`credit of rep-ana: USD ${credits.state.byRep["rep-ana"]?.USD?.revenue} (unchanged)`);
  const audit = await rebuildProjection(store, erasureAudit);
  const line = audit.state.subjects["cu-1"]!;
  console.log(`audit: ${line.subjectId} ${line.status} (${line.reason})`);
  // #endregion erase

  await store.close();
  db.close();
  const bytes = readFileSync(file).toString("utf8");
  console.log(
    `plaintext in the database file: ${["Li Wei", "li.wei@example.com", "Prefers calls"].some((s) => bytes.includes(s))}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
