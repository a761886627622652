/**
 * The one form every benchmark writes to bench/results/<bench-name>.json, and that
 * `npm run bench:check` reads: one entry per metric, with every run kept.
 */

import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export type Better = 'lower' | 'higher';

export type Metric = Readonly<{
  metric: string;
  unit: string;
  runs: number[];
  median: number;
  /** null: measured and reported, but no budget applies. */
  budget: number | null;
  better: Better;
}>;

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
export const resultFile = (bench: string) => `${RESULTS_DIR}${bench}.json`;
/** How `npm run bench` ran a bench (bench/run.ts): not a result file, so bench:check does not read it as one. */
export const runFile = (bench: string) => `${RESULTS_DIR}runs/${bench}.run.json`;
/** What seeding a cached library cost (bench/lib/library-cache.ts): runs/seed-<name>.cost.json. */
export const seedCostFile = (name: string) => `${RESULTS_DIR}runs/seed-${name}.cost.json`;

export type SeedCost = Readonly<{
  name: string;
  key: string;
  finished: string;
  wallS: number;
  /** CPU seconds of the seed's browser (a child process that ended) and of the bench's own process meanwhile. */
  cpuS: number;
  loadStart: number;
  loadEnd: number;
}>;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number) => Math.round(x * 10) / 10;

export function metric(
  name: string,
  unit: string,
  runs: readonly number[],
  budget: number | null,
  better: Better = 'lower',
): Metric {
  const rounded = runs.map(round);
  return { metric: name, unit, runs: rounded, median: round(median(rounded)), budget, better };
}

/** Writes the results of one bench, replacing the last ones; prints them as they are written. */
export function writeResults(bench: string, metrics: readonly Metric[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(resultFile(bench), `${JSON.stringify(metrics, null, 2)}\n`);
  // Where and when, beside the figures (bench:check reads only <bench>.json).
  mkdirSync(`${RESULTS_DIR}runs`, { recursive: true });
  writeFileSync(`${RESULTS_DIR}runs/${bench}.json`, `${JSON.stringify(machine(), null, 2)}\n`);
  for (const m of metrics) {
    console.log(`${bench}: ${m.metric}: median ${m.median} ${m.unit} (runs ${m.runs.join(', ')})`);
  }
  console.log(`wrote ${resultFile(bench)}`);
}

export function readResults(bench: string): Metric[] {
  return JSON.parse(readFileSync(resultFile(bench), 'utf8')) as Metric[];
}

/** Where and when a run happened, for docs/PERFORMANCE.md. */
export function machine() {
  const sh = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc') || String(cpus().length),
    cpu: cpus()[0]?.model ?? 'cpu',
    memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    node: process.version,
  };
}
