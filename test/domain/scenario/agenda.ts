// The scenario's agenda: actions at instants, run in instant order (ties in the order they were scheduled). Running
// an action may schedule later ones (a win schedules its credit and its order, an order its invoice).
import type { Harness } from "./harness.ts";
import { ownerAt } from "./ledger.ts";
import type { Rng } from "./prng.ts";
import { localDate, REPS, LATE_HIRE } from "./world.ts";

export interface Context {
  readonly h: Harness;
  readonly rng: Rng;
  readonly agenda: Agenda;
  /** Counters for readable ids: d-1, o-1, i-1… */
  readonly next: (prefix: string) => string;
}

export class Agenda {
  private readonly items: { ms: number; seq: number; run: () => Promise<void> }[] = [];
  private seq = 0;

  at(ms: number, run: () => Promise<void>): void {
    this.items.push({ ms, seq: this.seq++, run });
  }

  /** Runs every action due before `endMs`, moving the clock to each action's instant first. */
  async runUntil(h: Harness, endMs: number): Promise<void> {
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.items.length; i++) {
        const it = this.items[i]!;
        const b = this.items[best];
        if (it.ms < endMs && (b === undefined || it.ms < b.ms || (it.ms === b.ms && it.seq < b.seq))) best = i;
      }
      if (best < 0) return;
      const [item] = this.items.splice(best, 1);
      h.advanceTo(item!.ms);
      await item!.run();
    }
  }
}

export function createContext(h: Harness, rng: Rng): Context {
  const counters = new Map<string, number>();
  return {
    h,
    rng,
    agenda: new Agenda(),
    next: (prefix) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${n}`;
    },
  };
}

/** Reps employed at an instant (the late hire only from his start). */
export function repsAt(at: number): string[] {
  return REPS.filter((r) => r !== LATE_HIRE.repId || at >= LATE_HIRE.at);
}

/** Customers held by a rep at an instant (not in the pool). */
export function ownedCustomers(ctx: Context, at: number): string[] {
  return Object.keys(ctx.h.ledger.customers).filter((c) => ownerAt(ctx.h.ledger, c, at)?.repId);
}

export const today = (ctx: Context): string => localDate(ctx.h.peek());
