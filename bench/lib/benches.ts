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
  // issue 9: the sizes (restore at 20,000 claims: 100,000 does not fit a run here)
  { name: 'bulk-import', script: 'bench/bulk-import.ts', args: ['--articles', '1000'] },
  {
    name: 'export',
    script: 'bench/export-library.ts',
    args: ['--claims', '100000', '--restore-claims', '20000'],
  },
  { name: 'sync-browser', script: 'bench/sync-browser.ts' },
];
