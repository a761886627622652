/**
 * npm run bench:bulk-import [-- --articles 1000 --claims 25]
 *
 * Issue 9's bulk import figures (bench/bulk-import.page.ts): a JSONL corpus through the app's real
 * bulk import (worker extraction, batches of 20, one transaction each) with the main thread's long
 * tasks, and the write path alone against raw IndexedDB writing the same rows.
 */
import { numberArg, runBenchPage } from './bulk-import-driver';

await runBenchPage('bulk-import', {
  articles: numberArg('articles', 1_000),
  claims: numberArg('claims', 25),
});
