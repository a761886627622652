/**
 * npm run bench:bulk-import [-- --articles 1000 --claims 25]
 *
 * Issue 9's bulk import figures (bench/bulk-import.page.ts): a JSONL corpus through the app's real
 * bulk import (worker extraction, batches of 20, one transaction each) with the main thread's long
 * tasks, and the write path alone against raw IndexedDB writing the same rows.
 */
import { numberArg, runBenchPage } from './bulk-import-driver';
import { metric, writeResults } from './lib/results';

const articles = numberArg('articles', 1_000);
const run = (await runBenchPage('bulk-import', { articles, claims: numberArg('claims', 25) })) as unknown as {
  wholePath: { ms: number; articlesPerSecond: number; longTasks: { longestMs: number; over100ms: number } };
  writePath: { ratio: number };
};
const n = articles.toLocaleString('en');
writeResults('bulk-import', [
  metric(`bulk import ${n} articles, whole path`, 's', [run.wholePath.ms / 1000], null),
  metric(
    `bulk import ${n} articles, longest main-thread task`,
    'ms',
    [run.wholePath.longTasks.longestMs],
    100,
  ),
  metric(
    `bulk import ${n} articles, main-thread tasks over 100 ms`,
    'count',
    [run.wholePath.longTasks.over100ms],
    null,
  ),
  // a percentage: results keep one decimal, and a ratio of 0.76 must not round to 0.8
  metric(
    `bulk import ${n} articles, write path / raw IndexedDB`,
    '%',
    [run.writePath.ratio * 100],
    80,
    'higher',
  ),
]);
