/**
 * npm run bench:bulk-import [-- --articles 1000 --claims 25 --screen 0 --page 0]
 *
 * Issue 9's bulk import figures (bench/bulk-import.page.ts): a JSONL corpus through the app's real
 * bulk import (worker extraction, batches of 20, one transaction each) with the main thread's long
 * tasks, and the write path alone against raw IndexedDB writing the same rows. Then (unless
 * `--screen 0`) the same corpus imported through the Library screen of the production build
 * (bench/bulk-import-screen.ts), with the long tasks of the page as a person has it open.
 * `--page 0` runs the Library screen alone.
 */
import { numberArg, runBenchPage } from './bulk-import-driver';
import { runScreenImport } from './bulk-import-screen';
import { metric, writeResults } from './lib/results';

const articles = numberArg('articles', 1_000);
const claims = numberArg('claims', 25);
type PageRun = {
  wholePath: {
    ms: number;
    articlesPerSecond: number;
    longTasks: { longestMs: number; over100ms: number };
  } | null;
  writePath?: { ratio: number };
};
const run = numberArg('page', 1)
  ? ((await runBenchPage('bulk-import', { articles, claims })) as unknown as PageRun)
  : null;
const screen = numberArg('screen', 1) ? await runScreenImport({ articles, claims }) : null;
if (screen) console.log(JSON.stringify({ screen }, null, 2));
const n = articles.toLocaleString('en');
const whole = run?.wholePath;
const write = run?.writePath;
writeResults('bulk-import', [
  ...(whole
    ? [
        metric(`bulk import ${n} articles, whole path`, 's', [whole.ms / 1000], null),
        metric(`bulk import ${n} articles, longest main-thread task`, 'ms', [whole.longTasks.longestMs], 100),
        metric(
          `bulk import ${n} articles, main-thread tasks over 100 ms`,
          'count',
          [whole.longTasks.over100ms],
          null,
        ),
      ]
    : []),
  // a percentage: results keep one decimal, and a ratio of 0.76 must not round to 0.8
  ...(write
    ? [
        metric(
          `bulk import ${n} articles, write path / raw IndexedDB`,
          '%',
          [write.ratio * 100],
          80,
          'higher',
        ),
      ]
    : []),
  ...(screen
    ? [
        metric(`bulk import ${n} articles in the Library screen`, 's', [screen.ms / 1000], null),
        metric(
          `bulk import ${n} articles in the Library screen, longest main-thread task`,
          'ms',
          [screen.longTasks.longestMs],
          100,
        ),
        metric(
          `bulk import ${n} articles in the Library screen, main-thread tasks over 100 ms`,
          'count',
          [screen.longTasks.over100ms],
          null,
        ),
      ]
    : []),
]);
