/**
 * npm run bench:export [-- --claims 100000 --articles 1000 --restore-claims 20000 --own-seed --result export]
 *
 * Issue 9's export figures (bench/export-library.page.ts): a library of N claims exported to CSV
 * and to a backup through the app's own export path, then a backup restored into an empty
 * database: time and peak JS heap of each. A full-size restore does not fit a run of a few minutes
 * on the shared machine: `--restore-claims` (default 20,000; 0: none) restores the backup of a
 * library of that many claims instead (the full one when it is as large).
 *
 * The library exported is a copy of the bench library of that size (bench/lib/profile.ts: the one
 * the screens, Lighthouse and claims-db benches measure, seeded once a run), plus its long article;
 * `--own-seed` writes the page's own simpler library instead (76 s of a run at 100,000 claims).
 * `--result` names the result file (bench/results/<name>.json; `export-full` for the full size).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberArg, runBenchPage } from './bulk-import-driver';
import { BENCH_PORT, copyOfBenchLibrary, SEED_OPTIONS } from './lib/profile';
import { metric, writeResults } from './lib/results';

type Step = { ms: number; peakHeapAboveMB: number };
const claims = numberArg('claims', 100_000);
const articles = numberArg('articles', 1_000);
const restoreClaims = Math.min(claims, numberArg('restore-claims', 20_000));
const resultArg = process.argv.indexOf('--result');
const result = resultArg === -1 ? 'export' : process.argv[resultArg + 1]!;
// the copy is made before the page's server listens on the port (a first seed serves its own there)
const copy = process.argv.includes('--own-seed')
  ? null
  : mkdtempSync(join(tmpdir(), 'export-library-bench-'));
if (copy) await copyOfBenchLibrary(copy, { ...SEED_OPTIONS, claims, articles }, BENCH_PORT);
const run = (await runBenchPage(
  'export-library',
  { claims, articles, restoreClaims, seeded: copy ? 1 : 0 },
  copy ? { profile: copy, port: BENCH_PORT } : null,
)) as unknown as { claims: number; csv: Step; backup: Step; restore?: Step };
const n = run.claims.toLocaleString('en');
const r = restoreClaims.toLocaleString('en');
writeResults(result, [
  metric(`CSV export of ${n} claims`, 's', [run.csv.ms / 1000], null),
  metric(`CSV export of ${n} claims, peak JS heap above start`, 'MB', [run.csv.peakHeapAboveMB], null),
  metric(`backup of ${n} claims`, 's', [run.backup.ms / 1000], null),
  metric(`backup of ${n} claims, peak JS heap above start`, 'MB', [run.backup.peakHeapAboveMB], null),
  ...(run.restore
    ? [
        metric(`restore (replace) of ${r} claims`, 's', [run.restore.ms / 1000], null),
        metric(`restore of ${r} claims, peak JS heap above start`, 'MB', [run.restore.peakHeapAboveMB], null),
      ]
    : []),
]);
