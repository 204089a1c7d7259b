import { z } from "zod";
import { createEventCatalog, defineEvent, type EventOf } from "../../../../src/index.ts";

export const Noted = defineEvent("Noted", z.strictObject({ n: z.number().int() }));
export const Tagged = defineEvent("Tagged", z.strictObject({ tag: z.string() }));
const amountV1 = z.strictObject({ amount: z.number().int() });
export const AmountSet = defineEvent(
  "AmountSet",
  z.strictObject({ amount: z.strictObject({ minor: z.number().int(), currency: z.string() }) }),
  {
    upcasters: [
      {
        version: 1,
        schema: amountV1,
        upcast: (d: z.infer<typeof amountV1>) => ({ amount: { minor: d.amount, currency: "USD" } }),
      },
    ],
  },
);

/** Two plain types and one at schema version 2. */
export const storeCatalog = createEventCatalog([Noted, Tagged, AmountSet]);
export type StoreEvent = EventOf<typeof Noted> | EventOf<typeof Tagged> | EventOf<typeof AmountSet>;

export const noted = (n: number) => ({ type: "Noted" as const, data: { n } });
export const tagged = (tag: string) => ({ type: "Tagged" as const, data: { tag } });

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}
