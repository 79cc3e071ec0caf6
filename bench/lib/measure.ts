import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { measure } from 'mitata';

// Timing helpers shared by the benchmarks. The machine is noisy (two shared cores), so each case is
// measured in several short rounds, interleaved with the other cases and in a rotating order, and a
// ratio is taken per round (both sides measured moments apart) before the median over rounds.

/** A V8 gc() to run before each measurement; without --expose-gc mitata would allocate 1 GiB instead. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** One contender. `fn` may be async; mitata awaits it. */
export interface Case {
  name: string;
  fn: () => unknown;
}

/** What a comparison measured for one case: per-round medians in ns per call. */
export interface Measured {
  name: string;
  /** Median over rounds of each round's median time per call, ns. */
  ns: number;
  /** Each round's median, ns. */
  rounds: number[];
}

/** Results by case name, in the order given. */
export type Comparison = Map<string, Measured>;

export interface CompareOptions {
  /** Rounds per case (default 5). */
  rounds?: number;
  /** CPU time mitata spends on one case in one round, ms (default 150). */
  budgetMs?: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Measures every case `rounds` times, interleaved, and returns the medians. */
export async function compare(cases: readonly Case[], options: CompareOptions = {}): Promise<Comparison> {
  const { rounds = 5, budgetMs = 150 } = options;
  const perCase = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so no case always runs first (or right after a garbage-heavy neighbour).
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length]!;
      // Small batches (mitata's default is 4096 calls per sample) keep a round near its budget.
      const stats = await measure(c.fn, { min_cpu_time: budgetMs * 1e6, batch_samples: 256, gc: collectGarbage });
      perCase.get(c.name)!.push(stats.p50);
    }
  }
  return new Map(
    cases.map((c) => [c.name, { name: c.name, ns: median(perCase.get(c.name)!), rounds: perCase.get(c.name)! }]),
  );
}

/** `a / b`, as the median of the per-round ratios (each round measured both sides moments apart). */
export function ratio(results: Comparison, a: string, b: string): number {
  const ra = results.get(a)!.rounds;
  const rb = results.get(b)!.rounds;
  return median(ra.map((x, i) => x / rb[i]!));
}

/** `1234.5` ns as `1.23 µs`. */
export function formatNs(ns: number): string {
  if (ns >= 1e9) return `${(ns / 1e9).toFixed(2)} s`;
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** A plain text table: the first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The usual results table: time per call, calls per second, and the spread over rounds. */
export function resultsTable(results: Comparison): string {
  return table(
    ['case', 'median/call', 'calls/s', 'rounds min…max'],
    [...results.values()].map((r) => [
      r.name,
      formatNs(r.ns),
      Math.round(1e9 / r.ns).toLocaleString('en-US'),
      `${formatNs(Math.min(...r.rounds))}…${formatNs(Math.max(...r.rounds))}`,
    ]),
  );
}

/** One line of the ratios block, with the goal when there is one: `ours / floor = 1.05× (goal ≤ 1.2×: met)`. */
export function ratioLine(label: string, value: number, goal?: { max?: number; min?: number }): string {
  let verdict = '';
  if (goal?.max !== undefined) verdict = ` (goal ≤ ${goal.max}×: ${value <= goal.max ? 'met' : 'NOT met'})`;
  if (goal?.min !== undefined) verdict = ` (goal ≥ ${goal.min}×: ${value >= goal.min ? 'met' : 'NOT met'})`;
  return `  ${label} = ${value.toFixed(2)}×${verdict}`;
}

/** A section heading for the printed report. */
export function heading(title: string): void {
  console.log(`\n## ${title}\n`);
}
