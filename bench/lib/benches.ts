/** Every benchmark `npm run bench` runs, in order, and the result files `npm run bench:check` expects. */
export type Bench = Readonly<{
  /** The result file it writes: bench/results/<name>.json. */
  name: string;
  script: string;
  args?: readonly string[];
  /** Uses the dist/ that an earlier bench of this run built. */
  reusesBuild?: boolean;
}>;

export const BENCHES: readonly Bench[] = [
  { name: 'bundle', script: 'bench/bundle.ts' },
  { name: 'screens', script: 'bench/screens.ts', reusesBuild: true },
  { name: 'lighthouse', script: 'bench/lighthouse.ts', reusesBuild: true },
  { name: 'extract', script: 'bench/extract.ts' },
  { name: 'claims-db', script: 'bench/claims-db.ts' },
  { name: 'sync-browser', script: 'bench/sync-browser.ts' },
];
