/** Every benchmark `npm run bench` runs, in order, and the result files `npm run bench:check` expects. */
export type Bench = Readonly<{
  /** The result file it writes: bench/results/<name>.json. */
  name: string;
  script: string;
  args?: readonly string[];
  /** Node's own options, before the script. */
  node?: readonly string[];
  /** Uses the dist/ that an earlier bench of this run built. */
  reusesBuild?: boolean;
  /** Environment defaults for `npm run bench` (a variable already set wins): run counts that fit 15 minutes. */
  env?: Readonly<Record<string, string>>;
  /**
   * Measures an issue's full size where the whole run measures a smaller one to fit its 15 minutes:
   * left out of `npm run bench`, run by `npm run bench -- --full` and by `npm run bench:check -- --run`.
   */
  full?: true;
}>;

/** The libraries seeded once and copied (bench/lib/library-cache.ts): a run on a fresh clone seeds each. */
export const CACHED_LIBRARIES = ['bench-library', 'compare'] as const;

/** How one bench of `npm run bench` ran (bench/results/runs/<name>.run.json), for bench:check and the costs table. */
export type BenchRun = Readonly<{
  name: string;
  started: string;
  finished: string;
  /** The exit code, or the signal that ended it. */
  exit: string;
  timedOut: boolean;
  args: readonly string[];
  /** Variables set that change what a bench measures (SIZE_ENV). */
  sizeEnv: Readonly<Record<string, string>>;
  /** The run counts it ran with (its `env`, or what overrode it). */
  runEnv: Readonly<Record<string, string>>;
  wallS: number;
  cpuS: number;
  selfCpuS: number;
  loadStart: number;
  loadEnd: number;
}>;

/**
 * Variables that make a bench measure something smaller or other than the issues' budgets: a run
 * with any of them set is not counted by bench:check for budgets whose figures do not name their size.
 */
export const SIZE_ENV = [
  'BENCH_CLAIMS',
  'BENCH_ARTICLES',
  'BENCH_VOCAB',
  'BENCH_PROFILE',
  'BENCH_KEEP_PROFILE',
  'BENCH_SCREENS',
  'BENCH_COMPARE_SHAPES',
  'BENCH_COMPARE_PROFILE',
] as const;

/** `npm run bench` as a whole must take at most this long on a fresh clone (issue 8). */
export const WHOLE_RUN_BUDGET_S = 15 * 60;

export const BENCHES: readonly Bench[] = [
  // the benches' fast seed leaves every table as the app's path does (a few seconds, 2,000 claims)
  { name: 'seed-check', script: 'bench/seed-check.ts', args: ['--claims', '2000', '--articles', '20'] },
  { name: 'bundle', script: 'bench/bundle.ts' },
  // 3 runs a screen metric and 2 Lighthouse runs a page (the scripts' own defaults are 5 and 3): the
  // medians of fewer runs, so that the whole run fits its 15 minutes. screens, lighthouse and
  // claims-db measure copies of one seeded library (bench/lib/profile.ts); compare seeds its own shape.
  { name: 'screens', script: 'bench/screens.ts', reusesBuild: true, env: { BENCH_RUNS: '3' } },
  { name: 'lighthouse', script: 'bench/lighthouse.ts', reusesBuild: true, env: { BENCH_LH_RUNS: '2' } },
  // one thread (V8's compiler and garbage collector too): the extractor's own cost on one core, as it
  // runs in its worker; the process's CPU time otherwise counts V8's helper threads beside it
  { name: 'extract', script: 'bench/extract.ts', node: ['--single-threaded'] },
  { name: 'claims-db', script: 'bench/claims-db.ts', args: ['--runs', '3'] },
  // issue 10: the compare and profile screens at 100,000 claims (its own library: 20 speakers × 30
  // questions over 200 articles, a speaker with 5,000 claims)
  { name: 'compare', script: 'bench/compare.ts', args: ['--runs', '3'] },
  // issue 9: the sizes (restore at 20,000 claims: 100,000 does not fit a run here)
  { name: 'bulk-import', script: 'bench/bulk-import.ts', args: ['--articles', '1000'] },
  {
    name: 'export',
    script: 'bench/export-library.ts',
    args: ['--claims', '100000', '--restore-claims', '20000'],
  },
  // issue 13: the first sync of 10,000 claims and the outbox drain of 5,000 edits
  {
    name: 'sync-browser',
    script: 'bench/sync-browser.ts',
    // the raw IndexedDB pass (the platform's share) after the first of the two runs only: 30-45 s less;
    // three drains of 5,000 edits (a single one read 878–1,296 changes/s across whole runs)
    args: ['--raw', 'once', '--drain-runs', '3'],
  },
  // the full sizes, after the whole run (`npm run bench -- --full`: about 8 minutes)
  {
    name: 'export-full',
    script: 'bench/export-library.ts',
    args: ['--claims', '100000', '--restore-claims', '100000', '--result', 'export-full'],
    full: true,
  },
  {
    name: 'sync-browser-full',
    script: 'bench/sync-browser.ts',
    // The drain is issue 13's budget in the whole run (5,000 edits). Here the same drain is reported
    // beside: against the test server's 100,000 documents, its own time per document is most of it.
    args: [
      '--claims',
      '100000',
      '--articles',
      '1000',
      '--runs',
      '1',
      '--edits',
      '1',
      '--drain',
      '5000',
      '--drain-runs',
      '3',
      '--drain-budget',
      'none',
      '--raw',
      'off',
      '--result',
      'sync-browser-full',
    ],
    full: true,
  },
];

/** The benches of the whole run (`npm run bench`), timed against its 15 minutes. */
export const WHOLE_RUN: readonly Bench[] = BENCHES.filter((b) => !b.full);
/** The full sizes (`npm run bench -- --full`). */
export const FULL_RUN: readonly Bench[] = BENCHES.filter((b) => b.full);
