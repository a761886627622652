/**
 * npm run bench:export [-- --claims 100000 --articles 1000 --restore-claims 20000]
 *
 * Issue 9's export figures (bench/export-library.page.ts): a library of N claims exported to CSV
 * and to a backup through the app's own export path, then a backup restored into an empty
 * database: time and peak JS heap of each. A full-size restore does not fit a run of a few minutes
 * on the shared machine: `--restore-claims` (default 20,000; 0: none) restores the backup of a
 * library of that many claims instead (the full one when it is as large).
 */
import { numberArg, runBenchPage } from './bulk-import-driver';
import { metric, writeResults } from './lib/results';

type Step = { ms: number; peakHeapAboveMB: number };
const claims = numberArg('claims', 100_000);
const restoreClaims = Math.min(claims, numberArg('restore-claims', 20_000));
const run = (await runBenchPage('export-library', {
  claims,
  articles: numberArg('articles', 1_000),
  restoreClaims,
})) as unknown as { csv: Step; backup: Step; restore?: Step };
const n = claims.toLocaleString('en');
const r = restoreClaims.toLocaleString('en');
writeResults('export', [
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
