/**
 * npm run bench:seed-check [-- --claims 5000 --articles 50]
 *
 * Checks that the benches' fast seed (raw IndexedDB writes with the derived rows made by the app's
 * own functions, bench/lib/seed-library.ts) leaves every table exactly as seeding through the app's
 * Dexie instance and its derived-rows middleware does (bench/seed-check.page.ts), and times both.
 * Writes bench/results/seed-check.json; exits non-zero when a row differs.
 */
import { numberArg, runBenchPage } from './bulk-import-driver';
import { metric, writeResults } from './lib/results';

type Check = {
  appMs: number;
  rawMs: number;
  differing: number;
  tables: Record<string, { app: number; raw: number; differing: number; first?: string }>;
};
const claims = numberArg('claims', 5_000);
const run = (await runBenchPage('seed-check', {
  claims,
  articles: numberArg('articles', 50),
})) as unknown as Check;
const n = claims.toLocaleString('en');
writeResults('seed-check', [
  metric(`bench seed: rows unlike the app path's (${n} claims, every table)`, 'rows', [run.differing], 0),
  metric(
    `bench seed of ${n} claims through the app (derived-rows middleware)`,
    's',
    [run.appMs / 1000],
    null,
  ),
  metric(
    `bench seed of ${n} claims, raw IndexedDB with the same derived rows`,
    's',
    [run.rawMs / 1000],
    null,
  ),
]);
if (run.differing > 0) {
  for (const [name, t] of Object.entries(run.tables))
    if (t.differing > 0)
      console.error(`${name}: ${t.differing} rows differ (app ${t.app}, raw ${t.raw}); ${t.first ?? ''}`);
  process.exit(1);
}
