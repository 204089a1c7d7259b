import type { CliIo } from "./io.ts";

/** A progress bar on standard error, drawn only on a terminal. */
export interface Progress {
  /** Adds `n` done units; redraws at most every 100 ms. */
  tick(n: number): void;
  /** Draws the final state and ends the line. */
  done(): void;
}

const WIDTH = 24;

/** Formats seconds as m:ss or h:mm:ss. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

const grouped = (n: number) => Math.round(n).toLocaleString("en-US");

/**
 * Creates a progress bar: `label [█████·····]  45%  450,000/1,000,000 events  52,310 events/s  ETA 0:11`.
 * On a non-terminal it draws nothing (logs and CI stay clean).
 */
export function createProgress(io: CliIo, label: string, total: number, unit: string): Progress {
  if (!io.isTTY) return { tick() {}, done() {} };
  const started = io.now();
  let doneUnits = 0;
  let lastDraw = 0;
  const draw = (final: boolean) => {
    const elapsed = (io.now() - started) / 1000;
    const rate = elapsed > 0 ? doneUnits / elapsed : 0;
    const fraction = total > 0 ? Math.min(1, doneUnits / total) : 1;
    const filled = Math.round(fraction * WIDTH);
    const eta = rate > 0 ? (total - doneUnits) / rate : Number.NaN;
    const tail = final ? `in ${formatDuration(elapsed)}` : `ETA ${formatDuration(eta)}`;
    io.err(
      `\r${label} [${"█".repeat(filled)}${"·".repeat(WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ` +
        `${grouped(doneUnits)}/${grouped(total)} ${unit}  ${grouped(rate)} ${unit}/s  ${tail}\x1b[K${final ? "\n" : ""}`,
    );
  };
  return {
    tick(n) {
      doneUnits += n;
      const t = io.now();
      if (t - lastDraw >= 100) {
        lastDraw = t;
        draw(false);
      }
    },
    done() {
      draw(true);
    },
  };
}
