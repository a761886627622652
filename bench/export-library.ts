/**
 * npm run bench:export [-- --claims 100000 --articles 1000]
 *
 * Issue 9's export figures (bench/export-library.page.ts): a library of N claims exported to CSV
 * and to a backup through the app's own export path, then the backup restored into an empty
 * database: time and peak JS heap of each.
 */
import { numberArg, runBenchPage } from './bulk-import-driver';

await runBenchPage('export-library', {
  claims: numberArg('claims', 100_000),
  articles: numberArg('articles', 1_000),
});
