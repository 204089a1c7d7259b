import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { salesEvents, salesJsonSchemas } from "../../src/sales/index.ts";

const root = resolve(import.meta.dirname, "../..");
const folder = join(root, "docs", "schema");
const committed = (sub: string) => readdirSync(join(folder, sub)).map((f) => `${sub}/${f}`);

describe("the JSON Schema catalogue in docs/schema", () => {
  const files = salesJsonSchemas();

  it("matches the code: regenerate with `npx tsx src/cli/main.ts schema` when this fails", () => {
    const onDisk = [...committed("events"), ...committed("commands"), "index.json"].sort();
    expect(onDisk).toEqual(Object.keys(files).sort());
    for (const [file, text] of Object.entries(files)) {
      expect(readFileSync(join(folder, file), "utf8"), file).toBe(text);
    }
  });

  it("describes every event type of the sales catalog at its current version", () => {
    const index = JSON.parse(files["index.json"]!);
    const current = index.events.filter((e: { current: boolean }) => e.current).map((e: { name: string }) => e.name);
    expect(current.sort()).toEqual([...salesEvents.types].sort());
  });

  it("accepts what the store accepts and refuses what it refuses, for a sample line", () => {
    const schema = z.fromJSONSchema(JSON.parse(files["events/DealLost.v1.json"]!));
    const line = {
      streamId: "deal-d-1",
      type: "DealLost",
      data: {
        dealId: "d-1",
        customerId: "cu-1",
        ownerId: "rep-ana",
        amount: { amount: 48_000_00, currency: "USD" },
        openedOn: "2026-07-01",
        closedOn: "2026-07-20",
        closedAt: "2026-07-20T08:00:00.000Z",
        reason: "price",
        competitorIds: [],
      },
    };
    const def = salesEvents.definition("DealLost")!;
    expect(def.schema.safeParse(line.data).success).toBe(true);
    expect(schema.safeParse(line).success).toBe(true);
    expect(schema.safeParse({ ...line, type: "DealWon" }).success).toBe(false);
    expect(schema.safeParse({ ...line, data: { ...line.data, reason: 7 } }).success).toBe(false);
    expect(schema.safeParse({ ...line, extra: true }).success).toBe(false);
  });
});
