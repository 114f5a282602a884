/**
 * Shared by the interaction spec (tests/e2e/interaction.e2e.ts), which writes its figures, and
 * `npm run bench:inp` (tests/bench/inp.bench.ts), which prints them.
 */
import path from 'node:path';

/** Where the spec writes its figures. */
export const INP_OUT = process.env.INP_OUT ?? path.join('test-results', 'inp.json');

/** One interaction's figure: its longest event entry's duration in ms, or null when none reached 16 ms. */
export type Figure = number | null;

export interface InpReport {
  measuredAt: string;
  thresholdMs: number;
  /** runs: each interaction's figure; mainThreadCpuMedianMs: the page's main-thread CPU over each (a trace's task thread time). */
  figures: Record<string, { median: Figure; runs: Figure[]; mainThreadCpuMedianMs: Figure }>;
}

/** The median, counting "under the threshold" (null) as the lowest values; null when that is where it falls. */
export function median(values: readonly Figure[]): Figure {
  const sorted = [...values].sort((a, b) => (a ?? -1) - (b ?? -1));
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}
